import { type Logger } from '@nestjs/common';
import { ManualClock } from '@loa/common';
import { FailureLog } from './failure-log';

describe(FailureLog.name, () => {
  const lines: string[] = [];
  const logger = { error: (line: string) => lines.push(`ERROR ${line}`), log: (line: string) => lines.push(`LOG ${line}`) } as unknown as Logger;
  let clock: ManualClock;

  beforeEach(() => {
    lines.length = 0;
    clock = new ManualClock(1_000_000);
  });

  it('logs the first failure at once, then one line per interval while it lasts, and the recovery', () => {
    const failures = new FailureLog(logger, 30_000, clock);
    const down = new Error('database "loa" is not currently accepting connections');
    for (let tick = 0; tick < 40; tick++, clock.advance(1000)) failures.failed('receipts', down);
    failures.succeeded('receipts');
    failures.succeeded('receipts');
    expect(lines).toEqual([
      'ERROR receipts: database "loa" is not currently accepting connections',
      'ERROR receipts: still failing after 30 s (31 times): database "loa" is not currently accepting connections',
      'LOG receipts: working again after 40 s (40 failed runs)',
    ]);
  });

  it('keeps jobs apart, and says nothing for a job that never failed', () => {
    const failures = new FailureLog(logger, 30_000, clock);
    failures.failed('materialise', new Error('a'));
    failures.failed('housekeeping', new Error('b'));
    failures.succeeded('receipts');
    expect(lines).toEqual(['ERROR materialise: a', 'ERROR housekeeping: b']);
  });
});
