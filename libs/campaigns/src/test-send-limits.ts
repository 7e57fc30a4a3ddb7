import { loadDefaults } from '@loa/config';
import { vietnamMidnight } from '@loa/common';
import { nextVietnamMidnight } from './send-window';

/** How many test sends are allowed: config/defaults.json `testSends`. */
export interface TestSendLimits {
  /** Test sends (SMS) to one number of one campaign within any hour (default 3). */
  perNumberPerCampaignPerHour: number;
  /** Test sends one user requests per calendar day in Viet Nam, across campaigns (default 30). */
  perUserPerDay: number;
}

export function defaultTestSendLimits(): TestSendLimits {
  return loadDefaults().testSends;
}

const HOUR_MS = 3_600_000;

/** What a request would add, and what is already there. */
export interface TestSendCount {
  now: number;
  /** Test sends each asked number gets from this request (one per province). */
  perNumber: number;
  numbers: string[];
  /** Requested times of this campaign's test sends to each number within the last hour, oldest first. */
  recentByNumber: Map<string, Date[]>;
  /** Test sends the user requested since their day began. */
  userToday: number;
}

/** A request past a limit, and when it may be made again. */
export interface TestSendRefusal {
  limit: 'per-number-per-campaign-per-hour' | 'per-user-per-day';
  message: string;
  retryAfterSeconds: number;
  numbers?: string[];
}

/** The start of the hour window and of the user's day, for the counts. */
export function countingSince(now: number): { hour: Date; day: Date } {
  return { hour: new Date(now - HOUR_MS), day: new Date(vietnamMidnight(now)) };
}

/**
 * null when the request fits both limits; otherwise the first it passes. The per-number limit is a sliding
 * hour: the request fits again once enough of the number's sends are an hour old. The per-user one is the
 * Vietnam calendar day (as the daily cap): it resets at midnight.
 */
export function testSendRefusal(count: TestSendCount, limits: TestSendLimits): TestSendRefusal | null {
  const perNumber = perNumberRefusal(count, limits.perNumberPerCampaignPerHour);
  if (perNumber) return perNumber;
  const total = count.perNumber * count.numbers.length;
  if (count.userToday + total <= limits.perUserPerDay) return null;
  return {
    limit: 'per-user-per-day',
    message: `at most ${limits.perUserPerDay} test sends per user per day: ${count.userToday} today, ${total} asked; try again tomorrow`,
    retryAfterSeconds: secondsUntil(nextVietnamMidnight(count.now), count.now),
  };
}

function perNumberRefusal(count: TestSendCount, limit: number): TestSendRefusal | null {
  let waitUntil = 0;
  const over: string[] = [];
  for (const msisdn of count.numbers) {
    const recent = count.recentByNumber.get(msisdn) ?? [];
    const excess = recent.length + count.perNumber - limit;
    if (excess <= 0) continue;
    over.push(msisdn);
    // The request fits once the `excess` oldest sends have left the hour.
    waitUntil = Math.max(waitUntil, recent[excess - 1].getTime() + HOUR_MS);
  }
  if (over.length === 0) return null;
  return {
    limit: 'per-number-per-campaign-per-hour',
    message: `at most ${limit} test sends per number per campaign per hour: ${over.join(', ')} already had theirs; try again later`,
    retryAfterSeconds: secondsUntil(waitUntil, count.now),
    numbers: over,
  };
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}
