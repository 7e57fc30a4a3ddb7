import { vietnamDay } from '@loa/common';
import { dailyWindow, isInsideWindow, LIFTED_WINDOW, nextOpening, openIntervals, windowClosesAt } from './send-window';
import { defaultDailyCap, defaultSendWindow } from './campaign-defaults';

/** An instant given as Viet Nam wall clock. */
const vn = (wallClock: string) => Date.parse(`${wallClock}+07:00`);

describe('send window', () => {
  const daytime = dailyWindow('07:00', '21:00');
  const overnight = dailyWindow('22:00', '06:00');

  it('reads the default window and cap from config/defaults.json', () => {
    expect(defaultSendWindow()).toEqual({ kind: 'daily', start: '07:00', end: '21:00' });
    expect(defaultDailyCap()).toBe(2);
  });

  it('is open from the start (inclusive) to the end (exclusive), Viet Nam wall clock', () => {
    expect(isInsideWindow(daytime, vn('2026-01-10T06:59:59'))).toBe(false);
    expect(isInsideWindow(daytime, vn('2026-01-10T07:00:00'))).toBe(true);
    expect(isInsideWindow(daytime, vn('2026-01-10T20:59:59'))).toBe(true);
    expect(isInsideWindow(daytime, vn('2026-01-10T21:00:00'))).toBe(false);
    // 02:00 UTC is 09:00 in Viet Nam
    expect(isInsideWindow(daytime, Date.parse('2026-01-10T02:00:00Z'))).toBe(true);
  });

  it('crosses midnight when the start is after the end', () => {
    expect(isInsideWindow(overnight, vn('2026-01-10T23:30:00'))).toBe(true);
    expect(isInsideWindow(overnight, vn('2026-01-11T05:59:00'))).toBe(true);
    expect(isInsideWindow(overnight, vn('2026-01-11T06:00:00'))).toBe(false);
    expect(isInsideWindow(overnight, vn('2026-01-11T12:00:00'))).toBe(false);
  });

  it('lists the open intervals from an instant onward, clipped', () => {
    expect(openIntervals(daytime, vn('2026-01-10T21:30:00'), vn('2026-01-12T08:00:00'))).toEqual([
      { start: vn('2026-01-11T07:00:00'), end: vn('2026-01-11T21:00:00') },
      { start: vn('2026-01-12T07:00:00'), end: vn('2026-01-12T08:00:00') },
    ]);
    expect(openIntervals(overnight, vn('2026-01-11T03:00:00'), vn('2026-01-12T00:00:00'))).toEqual([
      { start: vn('2026-01-11T03:00:00'), end: vn('2026-01-11T06:00:00') },
      { start: vn('2026-01-11T22:00:00'), end: vn('2026-01-12T00:00:00') },
    ]);
    expect(openIntervals(LIFTED_WINDOW, 5, 10)).toEqual([{ start: 5, end: 10 }]);
  });

  it('says when sending may resume and when the current interval closes', () => {
    expect(nextOpening(daytime, vn('2026-01-10T21:30:00'))).toBe(vn('2026-01-11T07:00:00'));
    expect(nextOpening(daytime, vn('2026-01-10T08:00:00'))).toBe(vn('2026-01-10T08:00:00'));
    expect(windowClosesAt(overnight, vn('2026-01-10T23:00:00'))).toBe(vn('2026-01-11T06:00:00'));
    expect(windowClosesAt(LIFTED_WINDOW, 0)).toBe(Infinity);
  });

  it('counts calendar days in Viet Nam', () => {
    expect(vietnamDay(Date.parse('2026-01-10T17:30:00Z'))).toBe('2026-01-11');
    expect(vietnamDay(vn('2026-01-10T23:59:59'))).toBe('2026-01-10');
  });

  it('refuses a time that is not HH:MM, or a window that opens and closes at once', () => {
    expect(() => dailyWindow('7:00', '21:00')).toThrow(/window.start: "7:00" is not a time of day/);
    expect(() => dailyWindow('07:00', '24:00')).toThrow(/window.end/);
    expect(() => dailyWindow('08:00', '08:00')).toThrow(/lift the window/);
  });
});
