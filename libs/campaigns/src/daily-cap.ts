import { type DailyCapDay } from '@loa/delivery';
import { vietnamDay, vietnamMidnight } from '@loa/common';
import { nextOpening, nextVietnamMidnight, type SendWindow } from './send-window';

/**
 * The cap day of messages queued at `now` by a campaign with `window`: the Viet Nam day they will go on (the
 * next opening of the window: approved at 21:30, they count on tomorrow), and, for the ones held back, the
 * opening of the window the day after.
 */
export function capDayFor(window: SendWindow, now: number, limit: number): DailyCapDay {
  const sendsAt = nextOpening(window, now);
  return {
    day: vietnamDay(sendsAt),
    startsAt: new Date(vietnamMidnight(sendsAt)),
    limit,
    heldUntil: new Date(nextOpening(window, nextVietnamMidnight(sendsAt))),
  };
}
