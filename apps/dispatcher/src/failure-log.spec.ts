import { type Logger } from '@nestjs/common';
import { FailureLog } from './failure-log';

describe(FailureLog.name, () => {
  const lines: string[] = [];
  const logger = { error: (line: string) => lines.push(`ERROR ${line}`), log: (line: string) => lines.push(`LOG ${line}`) } as unknown as Logger;
  let now = 0;
  const realNow = Date.now;

  beforeEach(() => {
    lines.length = 0;
    now = 1_000_000;
    Date.now = () => now;
  });
  afterAll(() => {
    Date.now = realNow;
  });

  it('logs the first failure at once, then one line per interval while it lasts, and the recovery', () => {
    const failures = new FailureLog(logger, 30_000);
    const down = new Error('database "loa" is not currently accepting connections');
    for (let tick = 0; tick < 40; tick++, now += 1000) failures.failed('receipts', down);
    failures.succeeded('receipts');
    failures.succeeded('receipts');
    expect(lines).toEqual([
      'ERROR receipts: database "loa" is not currently accepting connections',
      'ERROR receipts: still failing after 30 s (31 times): database "loa" is not currently accepting connections',
      'LOG receipts: working again after 40 s (40 failed runs)',
    ]);
  });

  it('keeps jobs apart, and says nothing for a job that never failed', () => {
    const failures = new FailureLog(logger);
    failures.failed('materialise', new Error('a'));
    failures.failed('housekeeping', new Error('b'));
    failures.succeeded('receipts');
    expect(lines).toEqual(['ERROR materialise: a', 'ERROR housekeeping: b']);
  });
});
