import { addDays } from '../../../platform/src/util/dates.js';

/** Planned start = join date + start offset; planned due = planned start + duration (calendar days). */
export function plannedWindow(joinedOn: string, activity: { startDay: number; durationDays: number }): { plannedStart: string; plannedDue: string } {
  const plannedStart = addDays(joinedOn, activity.startDay);
  return { plannedStart, plannedDue: addDays(plannedStart, activity.durationDays) };
}
