import { Type } from 'class-transformer';
import { IsDefined, IsInt, Max, Min, ValidateBy, ValidateNested, type ValidationArguments } from 'class-validator';

/** The value may not exceed the sibling `property` (a backoff's first delay and its cap). */
function NotAbove(property: string): PropertyDecorator {
  return comparedTo(property, 'notAbove', (value, other) => value <= other, 'must not exceed');
}

/** The value must be greater than the sibling `property`. */
function Above(property: string): PropertyDecorator {
  return comparedTo(property, 'above', (value, other) => value > other, 'must be greater than');
}

function comparedTo(property: string, name: string, holds: (value: number, other: number) => boolean, says: string): PropertyDecorator {
  const other = (args?: ValidationArguments) => Number((args?.object as Record<string, unknown>)[property]);
  return ValidateBy({
    name,
    constraints: [property],
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => typeof value === 'number' && holds(value, other(args)),
      defaultMessage: (args?: ValidationArguments) => `$property ${says} ${property} (${other(args)})`,
    },
  });
}

/** config/defaults.json "link": every carrier link. */
export class LinkDefaults {
  /** Reconnect delay: doubles per failed attempt from the first up to the cap, jittered over [½, 1]. */
  @IsInt() @Min(10) @Max(60_000) @NotAbove('reconnectMaxMs') reconnectInitialMs: number;
  @IsInt() @Min(10) @Max(600_000) reconnectMaxMs: number;
  /** Pause of the whole link after a throttled / queue-full answer: doubles per repeat up to the cap. */
  @IsInt() @Min(10) @Max(60_000) @NotAbove('pauseMaxMs') pauseInitialMs: number;
  @IsInt() @Min(10) @Max(600_000) pauseMaxMs: number;
  /** How long a stop waits for outstanding submits and the rest of messages already begun before unbinding. */
  @IsInt() @Min(0) @Max(120_000) drainTimeoutMs: number;
  /** At most one log line per this while the link answers deliver_sm with a temporary error (the database is away). */
  @IsInt() @Min(100) @Max(3_600_000) refusedReceiptLogIntervalMs: number;
  /** Expired submits are kept this long, and at most this many per connection, so a late answer still finds its message. */
  @IsInt() @Min(1000) @Max(86_400_000) lateAnswerKeepMs: number;
  @IsInt() @Min(100) @Max(10_000_000) lateAnswerKeepMax: number;
}

/** config/defaults.json "carriers": per-account settings a carriers-file entry may give itself. Same ranges as there. */
export class CarrierEntryDefaults {
  @IsInt() @Min(1) @Max(1000) window: number;
  @IsInt() @Min(5) @Max(600) enquireLinkSeconds: number;
  @IsInt() @Min(1) @Max(72) validityHours: number;
  @IsInt() @Min(1) @Max(120) bindTimeoutSeconds: number;
  @IsInt() @Min(1) @Max(600) requestTimeoutSeconds: number;
}

class BackoffSeconds {
  @IsInt() @Min(1) @Max(86_400) @NotAbove('max') first: number;
  @IsInt() @Min(1) @Max(86_400) max: number;
}

/** How often and how soon a message goes again, by what the carrier answered (RetryPolicy of @loa/delivery). */
class RetryDefaults {
  @IsInt() @Min(1) @Max(100) maxRefusedAttempts: number;
  @IsDefined() @ValidateNested() @Type(() => BackoffSeconds) refusedBackoffSeconds: BackoffSeconds;
  @IsInt() @Min(1) @Max(100) maxAmbiguousAttempts: number;
  @IsInt() @Min(0) @Max(86_400) ambiguousResendSeconds: number;
  @IsInt() @Min(0) @Max(3600) notSentRetrySeconds: number;
}

/** config/defaults.json "dispatcher". */
export class DispatcherDefaults {
  /** Messages claimed per statement. */
  @IsInt() @Min(1) @Max(50_000) batchSize: number;
  /** A claimed message returns to the queue if its dispatcher has not answered for it by then. */
  @IsInt() @Min(10) @Max(3600) leaseSeconds: number;
  /** Wait between claims that found nothing (cut short by a notification of new work). */
  @IsInt() @Min(10) @Max(60_000) idleMs: number;
  /** How often the process takes free bind slots and writes its links' status (the API trusts 15 s). */
  @IsInt() @Min(100) @Max(15_000) statusIntervalMs: number;
  @IsDefined() @ValidateNested() @Type(() => RetryDefaults) retry: RetryDefaults;
  /** An orphan receipt waits this long for its submit_sm_resp before it is matched by number instead. */
  @IsInt() @Min(0) @Max(3600) orphanReceiptWaitSeconds: number;
  /** How long before a message was declared ambiguous its receipt may have come (request timeout and margin). */
  @IsInt() @Min(1) @Max(86_400) ambiguityWindowSeconds: number;
  /** A receipt that found no message by then is retired as unmatched: after a lost dispatcher's lease, so its copies count as duplicates. */
  @IsInt() @Min(1) @Max(86_400) @Above('leaseSeconds') unmatchedReceiptSeconds: number;
  /** Past the campaign's validity, how long a submitted message waits for its receipt before it ends unknown. */
  @IsInt() @Min(0) @Max(604_800) receiptGraceSeconds: number;
  /** Days a finished campaign keeps its per-message rows (personal data); its figures stay. */
  @IsInt() @Min(1) @Max(3650) retentionDays: number;
  /** Receipts applied, matched or retired per statement. */
  @IsInt() @Min(100) @Max(100_000) receiptBatch: number;
  /** Overdue messages ended per statement. */
  @IsInt() @Min(100) @Max(100_000) sweepBatch: number;
  /** On shutdown, how long outcomes wait for a database that is away before their messages are left to the lease. */
  @IsInt() @Min(0) @Max(600_000) shutdownRecordWithinMs: number;
  /** How often the campaigns of the messages in hand are checked against the clock (window, validity); read again every 4th. */
  @IsInt() @Min(50) @Max(5000) campaignWatchMs: number;
  /** While a periodic job keeps failing, one log line per this. */
  @IsInt() @Min(1000) @Max(3_600_000) failureLogIntervalMs: number;
}
