import { Injectable } from '@nestjs/common';

/** The only source of "now" and "today", so tests can move time. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's calendar date (YYYY-MM-DD) in the given IANA time zone. */
  today(timeZone = 'America/Mexico_City'): string {
    return todayIn(this.now(), timeZone);
  }
}

// Building an Intl.DateTimeFormat costs far more than using one (it is on every request's path): one per zone.
const formats = new Map<string, Intl.DateTimeFormat>();

export function todayIn(now: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (format === undefined) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(now);
}
