/**
 * Viet Nam's time, the one definition: send windows, daily caps, report dates and every time a person
 * reads are Asia/Ho_Chi_Minh wall clock. Viet Nam has kept UTC+7 without daylight saving since 1975, so
 * the wall clock is a fixed offset: arithmetic here needs no time-zone database.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
export const VIETNAM_UTC_OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
/** The offset as ISO 8601 writes it. */
export const VIETNAM_OFFSET = '+07:00';

const DAY_MS = 86_400_000;
const HAS_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/** The instant an API time names: its own offset (`Z`, `+07:00`…), or Viet Nam's wall clock when it has none. */
export function parseVietnamInstant(text: string): Date {
  return new Date(HAS_OFFSET.test(text) ? text : `${text}${VIETNAM_OFFSET}`);
}

/** ISO 8601 in Viet Nam's offset: `2026-12-07T17:54:44.097+07:00` (the same instant as `…10:54:44.097Z`). */
export function formatVietnamInstant(at: Date | number): string {
  return new Date(wallClockMs(at)).toISOString().replace('Z', VIETNAM_OFFSET);
}

/** `HH:mm dd/MM/yyyy`, how officials' documents and the console write a time. */
export function formatVietnamTime(at: Date | number): string {
  const [date, time] = new Date(wallClockMs(at)).toISOString().split('T');
  const [year, month, day] = date.split('-');
  return `${time.slice(0, 5)} ${day}/${month}/${year}`;
}

/** `dd/MM/yyyy` on Viet Nam's wall clock. */
export function formatVietnamDate(at: Date | number): string {
  return formatVietnamTime(at).slice(6);
}

/** The instant of the midnight in Viet Nam that starts the day of `at`. */
export function vietnamMidnight(at: number): number {
  return at - msSinceVietnamMidnight(at);
}

/** Milliseconds since Viet Nam's midnight at `at` (its wall-clock time of day). */
export function msSinceVietnamMidnight(at: number): number {
  return ((wallClockMs(at) % DAY_MS) + DAY_MS) % DAY_MS;
}

/** The calendar day in Viet Nam of `at`, `yyyy-MM-dd`. */
export function vietnamDay(at: Date | number): string {
  return new Date(wallClockMs(at)).toISOString().slice(0, 10);
}

/** The instant shifted so that its UTC fields read as the wall clock in Viet Nam. */
function wallClockMs(at: Date | number): number {
  return (typeof at === 'number' ? at : at.getTime()) + VIETNAM_UTC_OFFSET_MS;
}
