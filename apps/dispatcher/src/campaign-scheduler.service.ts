import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AuditLogRepository } from '@loa/auth';
import { CampaignMaterialiser, CampaignPlanRepository, SendLimitsService, TestSendsRepository } from '@loa/campaigns';
import { MessageQueueRepository, OutcomesRepository, ReceiptsRepository, RetentionRepository } from '@loa/delivery';
import { dispatcherOptions, type DispatcherOptions, type DispatcherSettings, FailureLog } from '@loa/dispatching';
import { DISPATCHER_OPTIONS, DispatcherService } from './dispatcher.service';

/** A test send whose dispatcher was lost goes again once; lost twice, it ends failed (it may have reached the phone). */
const TEST_SEND_ATTEMPTS = 2;

/** Every periodic job of the dispatcher; each tick only moves work along, dispatchers do the sending. */
@Injectable()
export class CampaignSchedulerService implements OnApplicationShutdown {
  private readonly logger = new Logger(CampaignSchedulerService.name);
  /** The jobs running now; a job's next tick is skipped while it runs. */
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;
  /** A link drained while the receipts job was running: that run may have looked before its last writes. */
  private recheckFinished = false;
  private readonly failures: FailureLog;
  private readonly options: DispatcherOptions;

  constructor(
    private readonly materialiser: CampaignMaterialiser,
    private readonly queue: MessageQueueRepository,
    private readonly outcomes: OutcomesRepository,
    private readonly receipts: ReceiptsRepository,
    private readonly retention: RetentionRepository,
    private readonly audit: AuditLogRepository,
    private readonly sendLimits: SendLimitsService,
    private readonly plans: CampaignPlanRepository,
    private readonly testSends: TestSendsRepository,
    @Inject(DISPATCHER_OPTIONS) options: DispatcherSettings,
    dispatchers: DispatcherService,
  ) {
    this.options = dispatcherOptions(options);
    this.failures = new FailureLog(this.logger, this.options.failureLogIntervalMs);
    dispatchers.onLinkDrained(() => this.checkFinishedNow());
  }

  @Interval(1000)
  materialiseDueCampaigns(): Promise<void> {
    return this.once('materialise', async () => {
      while (await this.materialiser.materialiseNextDue(this.options.clock.now()));
    });
  }

  /** The daily cap and the campaigns' validity: held messages released on a day the cap allows, unsent ones ended. */
  @Interval(1000)
  applySendLimits(): Promise<void> {
    return this.once('send limits', () => this.sendLimits.apply(this.options.clock.now()));
  }

  /**
   * Receipts, then the campaigns they finished: a campaign is marked completed within 200 ms of its last receipt,
   * or as soon as the link that sent it has written its last outcomes (checkFinishedNow).
   */
  @Interval(200)
  applyReceipts(): Promise<void> {
    return this.once('receipts', async () => {
      do {
        this.recheckFinished = false;
        // Not past a shutdown: while links still send, receipts keep coming, and the links stop only after this job.
        while (!this.stopping && (await this.receipts.applyReceipts(this.options.receiptBatch)) > 0);
        await this.completeFinishedCampaigns();
      } while (this.recheckFinished && !this.stopping);
    });
  }

  /** Runs the receipts job now, or once more after the run under way. */
  checkFinishedNow(): void {
    if (this.running.has('receipts')) this.recheckFinished = true;
    else void this.applyReceipts();
  }

  /** Per-message rows of campaigns finished longer ago than the retention go (every dispatcher tries; the work is idempotent). */
  @Interval(3_600_000)
  purgeExpiredMessages(): Promise<void> {
    return this.once('retention', async () => {
      const cutoff = new Date(Date.now() - this.options.retentionDays * 86_400_000);
      for (const campaign of await this.retention.purgeFinishedBefore(cutoff)) {
        await this.audit.append(null, {
          action: 'retention.purge_messages',
          objectType: 'campaign',
          objectId: campaign.id,
          provinces: campaign.provinces,
          details: { retentionDays: this.options.retentionDays },
        });
        this.logger.log(`campaign ${campaign.id}: per-message rows purged after ${this.options.retentionDays} days; its figures stay`);
      }
    });
  }

  /** What each running campaign has sent, so that its estimate follows the rate it actually gets. */
  @Interval(5000)
  sampleProgress(): Promise<void> {
    return this.once('progress', () => this.plans.sampleProgress(this.options.clock.now()));
  }

  @Interval(1000)
  housekeeping(): Promise<void> {
    return this.once('housekeeping', async () => {
      const requeued = await this.queue.requeueExpiredLeases();
      if (requeued > 0) this.logger.warn(`${requeued} messages returned to the queue after their lease expired`);
      await this.endLostTestSends();
      await this.matchOrphanReceipts();
      await this.retireUnmatchedReceipts();
      await this.endOverdueMessages();
    });
  }

  /**
   * A message that went again while the carrier may have had it keeps its campaign running for twice the
   * unmatched-receipt wait after it ended: the receipt of the other copy lags about as much as the one that
   * ended it, then waits that long to be retired and counted as a duplicate.
   */
  private async completeFinishedCampaigns(): Promise<void> {
    await this.materialiser.complete(await this.queue.finishedCampaigns(2 * this.options.unmatchedReceiptSeconds));
  }

  private async endLostTestSends(): Promise<void> {
    const { requeued, failed } = await this.testSends.endExpiredLeases(new Date(this.options.clock.now()), TEST_SEND_ATTEMPTS);
    if (requeued > 0) this.logger.warn(`${requeued} test sends go again: their dispatcher was lost before the carrier's answer was recorded`);
    if (failed > 0) this.logger.warn(`${failed} test sends failed: their dispatcher was lost ${TEST_SEND_ATTEMPTS} times`);
  }

  private async matchOrphanReceipts(): Promise<void> {
    const { orphanReceiptWaitSeconds: responseWaitSeconds, ambiguityWindowSeconds } = this.options;
    const matched = await this.receipts.matchReceiptsByNumber(this.options.receiptBatch, { responseWaitSeconds, ambiguityWindowSeconds });
    if (matched > 0) this.logger.log(`${matched} receipts matched by number to messages sent without an answer`);
  }

  /** Batch after batch until the backlog is gone: one batch per tick retired a flood at only ~5 k/s. */
  private async retireUnmatchedReceipts(): Promise<void> {
    const retired = new Map<string, number>();
    let duplicated = 0;
    let batch: number;
    do {
      const result = await this.receipts.retireUnmatchedReceipts(this.options.unmatchedReceiptSeconds, this.options.receiptBatch);
      batch = 0;
      for (const [carrier, count] of result.perCarrier) {
        retired.set(carrier, (retired.get(carrier) ?? 0) + count);
        batch += count;
      }
      duplicated += result.duplicated;
    } while (batch === this.options.receiptBatch);
    for (const [carrier, count] of retired) this.logger.warn(`${count} ${carrier} receipts matched no message; kept as unmatched`);
    if (duplicated > 0)
      this.logger.warn(`${duplicated} messages reached the carrier twice (a lost dispatcher, or a resend after no answer); counted in the reports`);
  }

  private async endOverdueMessages(): Promise<void> {
    const unknown = await inBatches(this.options.sweepBatch, (batch) => this.outcomes.expireOverdueSubmitted(this.options.receiptGraceSeconds, batch));
    if (unknown > 0) this.logger.warn(`${unknown} messages ended unknown: no delivery receipt within their validity`);
    const cancelled = await this.queue.cancelUnsentOfCancelled();
    if (cancelled > 0) this.logger.log(`${cancelled} messages of cancelled campaigns ended cancelled after coming back to the queue`);
  }

  /**
   * Starts no more jobs and waits for those running: the database connections close after this hook, and
   * a job cut off in the middle of a statement would fail (and log it) for nothing.
   */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running.values());
  }

  /** Skips a tick while the previous run of the same job is still going, and every tick once stopping. */
  private once(job: string, work: () => Promise<void>): Promise<void> {
    if (this.stopping || this.running.has(job)) return Promise.resolve();
    const run = this.run(job, work).finally(() => this.running.delete(job));
    this.running.set(job, run);
    return run;
  }

  private async run(job: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
      this.failures.succeeded(job);
    } catch (error) {
      this.failures.failed(job, error as Error);
    }
  }
}

/** Runs `step` until it handles less than a full batch; returns the total. */
async function inBatches(batch: number, step: (batch: number) => Promise<number>): Promise<number> {
  let total = 0;
  let handled: number;
  do {
    handled = await step(batch);
    total += handled;
  } while (handled === batch);
  return total;
}
