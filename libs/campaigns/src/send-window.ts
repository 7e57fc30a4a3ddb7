import { invalid, msSinceVietnamMidnight, vietnamMidnight } from '@loa/common';

/**
 * Send windows: the times of day a campaign may send, wall clock Asia/Ho_Chi_Minh (@loa/common's Viet Nam
 * time). Pure (no I/O, no clock of its own): every function takes the instant it is asked about, in epoch
 * milliseconds.
 */
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * A daily window from `start` (inclusive) to `end` (exclusive), "HH:MM"; `start` after `end` crosses
 * midnight (22:00–06:00 opens at 22:00 and closes at 06:00 the next morning). A lifted window is always
 * open (an urgent warning, recorded in the audit log).
 */
export type SendWindow = { kind: 'daily'; start: string; end: string } | { kind: 'lifted' };

export const LIFTED_WINDOW: SendWindow = { kind: 'lifted' };

/** A window as the database keeps it: times of day (PostgreSQL prints HH:MM:SS), or none when lifted. */
export function toSendWindow(start: string | null, end: string | null): SendWindow {
  return start === null || end === null ? LIFTED_WINDOW : { kind: 'daily', start: start.slice(0, 5), end: end.slice(0, 5) };
}

/** An instant range [start, end) in epoch milliseconds. */
export interface OpenInterval {
  start: number;
  end: number;
}

/** A daily window, checked: both times "HH:MM" (00:00–23:59) and different. Throws INVALID naming the field. */
export function dailyWindow(start: string, end: string, field = 'window'): SendWindow {
  minuteOfDay(start, `${field}.start`);
  minuteOfDay(end, `${field}.end`);
  if (start === end) throw invalid(`${field}: start and end are both ${start}; lift the window instead of opening it all day`);
  return { kind: 'daily', start, end };
}

/** Minutes since midnight of an "HH:MM" time; throws INVALID naming `field` when it is not one. */
export function minuteOfDay(time: string, field = 'time'): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw invalid(`${field}: "${time}" is not a time of day HH:MM (00:00–23:59)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Whether a campaign with this window may send at `at`. */
export function isInsideWindow(window: SendWindow, at: number): boolean {
  if (window.kind === 'lifted') return true;
  const minute = Math.floor(msSinceVietnamMidnight(at) / MINUTE_MS);
  const start = minuteOfDay(window.start);
  const end = minuteOfDay(window.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * The open intervals of the window between `from` and `until`, in order, clipped to that range (the first
 * starts at `from` when `from` is inside the window). A lifted window gives the whole range.
 */
export function openIntervals(window: SendWindow, from: number, until: number): OpenInterval[] {
  if (until <= from) return [];
  if (window.kind === 'lifted') return [{ start: from, end: until }];
  const start = minuteOfDay(window.start) * MINUTE_MS;
  const end = minuteOfDay(window.end) * MINUTE_MS + (minuteOfDay(window.end) < minuteOfDay(window.start) ? DAY_MS : 0);
  const intervals: OpenInterval[] = [];
  // From the day before: a window crossing midnight may have opened yesterday and still be open.
  for (let midnight = vietnamMidnight(from) - DAY_MS; midnight + start < until; midnight += DAY_MS) {
    const open = Math.max(midnight + start, from);
    const close = Math.min(midnight + end, until);
    if (open < close) intervals.push({ start: open, end: close });
  }
  return intervals;
}

/** The first instant at or after `from` inside the window (`from` itself when it is inside). */
export function nextOpening(window: SendWindow, from: number): number {
  return openIntervals(window, from, from + 2 * DAY_MS)[0].start;
}

/** The end of the open interval `at` lies in (Infinity for a lifted window); `at` itself when outside. */
export function windowClosesAt(window: SendWindow, at: number): number {
  if (window.kind === 'lifted') return Infinity;
  const current = openIntervals(window, at, at + 2 * DAY_MS)[0];
  return current.start === at ? current.end : at;
}

/** The instant of the next midnight in Viet Nam after `at`. */
export function nextVietnamMidnight(at: number): number {
  return vietnamMidnight(at) + DAY_MS;
}
