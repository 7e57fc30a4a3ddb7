import {
  formatVietnamDate,
  formatVietnamInstant,
  formatVietnamTime,
  msSinceVietnamMidnight,
  parseVietnamInstant,
  vietnamDay,
  vietnamMidnight,
} from './vietnam-time';

const EVENING_UTC = Date.parse('2026-12-07T18:30:00.000Z'); // 01:30 on the 8th in Viet Nam

describe("Viet Nam's time", () => {
  it('reads a time without an offset as +07:00, and keeps one that has it', () => {
    expect(parseVietnamInstant('2026-01-20T08:00').toISOString()).toBe('2026-01-20T01:00:00.000Z');
    expect(parseVietnamInstant('2026-01-20T08:00:00+07:00').toISOString()).toBe('2026-01-20T01:00:00.000Z');
    expect(parseVietnamInstant('2026-01-20T08:00:00Z').toISOString()).toBe('2026-01-20T08:00:00.000Z');
  });

  it('writes instants with +07:00, and reads them back to the same instant', () => {
    const written = formatVietnamInstant(EVENING_UTC);
    expect(written).toBe('2026-12-08T01:30:00.000+07:00');
    expect(Date.parse(written)).toBe(EVENING_UTC);
    expect(parseVietnamInstant(written).getTime()).toBe(EVENING_UTC);
  });

  it('writes times and dates as officials do, on the Vietnamese day', () => {
    expect(formatVietnamTime(new Date(EVENING_UTC))).toBe('01:30 08/12/2026');
    expect(formatVietnamDate(EVENING_UTC)).toBe('08/12/2026');
    expect(vietnamDay(EVENING_UTC)).toBe('2026-12-08');
  });

  it('finds the Vietnamese midnight of an instant, even before the UTC day turns', () => {
    expect(new Date(vietnamMidnight(EVENING_UTC)).toISOString()).toBe('2026-12-07T17:00:00.000Z');
    expect(msSinceVietnamMidnight(EVENING_UTC)).toBe(90 * 60_000);
  });
});
