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

export function todayIn(now: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
