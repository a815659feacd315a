import { addDays } from '../../../platform/src/util/dates.js';

/** At most ten years of weeks: the longest program horizon the model documents. */
export const TREND_MAX_POINTS = 530;

/** Every seventh day from `from`, then `to` itself (the series always ends on the date asked about). */
export function weeklyDates(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d < to; d = addDays(d, 7)) dates.push(d);
  dates.push(to);
  return dates;
}
