import { countingSince, testSendRefusal, type TestSendCount } from './test-send-limits';

const LIMITS = { perNumberPerCampaignPerHour: 3, perUserPerDay: 30 };
/** 10:00 in Viet Nam: 14 hours before midnight there. */
const NOW = Date.parse('2027-03-10T10:00:00+07:00');
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000);

describe(testSendRefusal.name, () => {
  const count = (overrides: Partial<TestSendCount>): TestSendCount => ({
    now: NOW,
    perNumber: 1,
    numbers: ['84912345678'],
    recentByNumber: new Map(),
    userToday: 0,
    ...overrides,
  });

  it('lets a request through while both limits hold', () => {
    const recent = new Map([['84912345678', [minutesAgo(50), minutesAgo(20)]]]);
    expect(testSendRefusal(count({ recentByNumber: recent, userToday: 29 }), LIMITS)).toBeNull();
  });

  it('waits, per number, until enough of its sends are an hour old', () => {
    const recent = new Map([['84912345678', [minutesAgo(50), minutesAgo(40), minutesAgo(10)]]]);
    expect(testSendRefusal(count({ recentByNumber: recent }), LIMITS)).toMatchObject({
      limit: 'per-number-per-campaign-per-hour',
      retryAfterSeconds: 10 * 60,
      numbers: ['84912345678'],
    });
    // Two provinces asked: the two oldest must leave the hour, so the wait is the second one's.
    expect(testSendRefusal(count({ recentByNumber: recent, perNumber: 2 }), LIMITS)?.retryAfterSeconds).toBe(20 * 60);
  });

  it('waits, per user, until midnight in Viet Nam', () => {
    expect(testSendRefusal(count({ numbers: ['84912345678', '84912345679'], userToday: 29 }), LIMITS)).toMatchObject({
      limit: 'per-user-per-day',
      retryAfterSeconds: 14 * 3600,
    });
  });

  it('counts the hour back from now and the day from midnight in Viet Nam', () => {
    expect(countingSince(NOW)).toEqual({ hour: minutesAgo(60), day: new Date('2027-03-10T00:00:00+07:00') });
  });
});
