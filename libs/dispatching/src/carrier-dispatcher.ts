import { Logger } from '@nestjs/common';
import { type TestSendsRepository } from '@loa/campaigns';
import { type Backoff, backoffDelay, type Clock, systemClock } from '@loa/common';
import { loadDefaults } from '@loa/config';
import {
  type CampaignText,
  type ClaimedMessage,
  type DeliveryRepositories,
  OutcomeWriter,
  partsToSend,
  ReceiptSink,
  type RetryPolicy,
  type StateChange,
  stateAfterSend,
  type StoredReceipt,
  type SubmittedPart,
} from '@loa/delivery';
import { type CarrierLinkPort, type InboundSms, type LateAccept, type LinkStatus, type LinkTunables, type OutboundSms, type ResendPartsMode } from '@loa/smpp';
import { CampaignsInHand, type Halt } from './campaigns-in-hand';
import { FailureLog } from './failure-log';

/** The dispatcher's tunables: config/defaults.json "dispatcher" (each documented there), and its links' "link". */
export interface DispatcherOptions {
  /** Messages claimed per statement. */
  batchSize: number;
  /** A claimed message returns to the queue if its dispatcher has not answered for it by then. */
  leaseSeconds: number;
  idleMs: number;
  /** How often and how soon a message goes again, by what the carrier answered. */
  retry: RetryPolicy;
  /** An orphan receipt waits this long for its submit_sm_resp before it is matched by number instead. */
  orphanReceiptWaitSeconds: number;
  /** How long before a message was declared ambiguous its receipt may have come (request timeout and margin). */
  ambiguityWindowSeconds: number;
  /**
   * A receipt that found no message by then is retired as unmatched (kept raw, counted, no longer rescanned):
   * longer than a lease, so that a lost dispatcher's messages are back in the queue, marked as possibly sent,
   * before the receipts of their unrecorded copies are retired (and counted as duplicates).
   */
  unmatchedReceiptSeconds: number;
  /** Past the campaign's validity, how long a submitted message waits for its receipt before it ends unknown. */
  receiptGraceSeconds: number;
  /** How often the process takes free bind slots and writes its links' status (the API trusts 15 s). */
  statusIntervalMs: number;
  /** Days a finished campaign keeps its per-message rows (personal data) before the hourly purge; its figures stay. */
  retentionDays: number;
  /** Receipts applied, matched or retired per statement; overdue messages ended per statement. */
  receiptBatch: number;
  sweepBatch: number;
  /** On shutdown, how long outcomes wait for a database that is away before their messages are left to the lease. */
  shutdownRecordWithinMs: number;
  /** How often the campaigns of the messages in hand are checked against the clock. */
  campaignWatchMs: number;
  /** While a job keeps failing, one log line per this. */
  failureLogIntervalMs: number;
  /** Every carrier link this process runs. */
  link: LinkTunables;
  /** Bind slots of one carrier account this process takes at most (default: all that are free). */
  maxBindsPerCarrier: number;
  /** What time it is for send windows, daily caps and validity (tests set their own). */
  clock: Clock;
}

/** Options as callers give them: any subset, the retry policy and the link's too. */
export type DispatcherSettings = Partial<Omit<DispatcherOptions, 'retry' | 'link'>> & { retry?: Partial<RetryPolicy>; link?: Partial<LinkTunables> };

/** config/defaults.json (validated when first read), with `settings` over it. */
export function dispatcherOptions(settings: DispatcherSettings = {}): DispatcherOptions {
  const { dispatcher, link } = loadDefaults();
  return {
    ...dispatcher,
    maxBindsPerCarrier: Number.POSITIVE_INFINITY,
    clock: systemClock,
    ...settings,
    retry: { ...dispatcher.retry, ...settings.retry },
    link: { ...link, ...settings.link },
  };
}

const TEST_SENDS_PER_CLAIM = 10;
/** Writing what a batch did, again while the database is away (a restart): 100 ms doubling to 2 s. */
const PERSIST_RETRY: Backoff = { first: 100, max: 2000 };

/** Feeds one carrier link from the queue and records every outcome; one per carrier account. */
export class CarrierDispatcher {
  private readonly logger: Logger;
  private readonly receipts: ReceiptSink;
  private readonly failures: FailureLog;
  private readonly outcomes = new OutcomeWriter((changes, submissions, receipts) => this.recordOutcomes(changes, submissions, receipts));
  private readonly lastClaimed = new Map<number, number>();
  private readonly texts = new Map<number, CampaignText>();
  /** The message each send was for, so that a late submit_sm_resp finds it (the link keeps the send while it waits). */
  private readonly sends = new WeakMap<OutboundSms, ClaimedMessage>();
  private running = false;
  private loop: Promise<void> | null = null;
  /** The idle wait between claims that found nothing, cut short by news of work (wake) or by stop(). */
  private readonly idle = new Alarm();
  /** Messages handed to the link and not answered yet. */
  private readonly inHand = new Counter();
  /**
   * Messages given to the link whose outcome is not written yet: what a crash can send twice. At most a tenth
   * of a second of the link's TPS (or its window, if larger, so the window still fills).
   */
  private readonly unrecorded: Credits;
  private readonly sending = new Set<Promise<void>>();
  /** Until then, work on claimed messages that the database refuses is retried (Infinity while running). */
  private recordUntil = Number.POSITIVE_INFINITY;
  /** The campaigns of the messages in hand, and those that must send nothing more now. */
  private readonly campaigns: CampaignsInHand;
  /** Notifications of campaign changes so far: a claim that saw one arrive reads its campaign again before sending. */
  private notices = 0;

  constructor(
    private readonly link: CarrierLinkPort,
    private readonly delivery: Pick<DeliveryRepositories, 'queue' | 'outcomes' | 'receipts'>,
    private readonly options: DispatcherOptions,
    private readonly account: { resendParts: ResendPartsMode; window: number } = { resendParts: 'missing', window: 10 },
    private readonly testSends?: TestSendsRepository,
    /** Told when the link has nothing in hand and every outcome and receipt it had is written. */
    private readonly drained: () => void = () => undefined,
  ) {
    this.unrecorded = new Credits(Math.max(Math.ceil(link.tps / 10), account.window));
    this.logger = new Logger(`Dispatcher:${link.carrier}`);
    this.failures = new FailureLog(this.logger, options.failureLogIntervalMs);
    this.campaigns = new CampaignsInHand(
      (ids) => delivery.queue.campaignsInHand(ids),
      { clock: options.clock, watchMs: options.campaignWatchMs },
      this.failures,
      (id, halt, inHand) => this.halt(id, halt, inHand),
    );
    this.receipts = new ReceiptSink(async (receipts) => {
      await delivery.receipts.storeReceipts(receipts);
      this.tellIfDrained();
    }, this.outcomes);
    link.onReceipt((receipt) => this.receipts.add(receipt));
    link.onInbound((message) => this.storeInbound(message));
    link.onLateAccept((late) => void this.recordLateAccept(late));
  }

  /** Binds and starts sending; an SMSC that refuses or is down now is retried by the link in the background. */
  async start(): Promise<void> {
    await this.link.start().catch((error: Error) => this.logger.warn(`no session bound yet (${error.message}); the link keeps trying`));
    this.running = true;
    this.loop = this.run();
    this.campaigns.start();
  }

  /**
   * Stops sending and records every outcome it has; if the database is away, waits for it up to
   * `recordWithinMs` (unbounded by default, as when the database restarts under a running process).
   */
  async stop(recordWithinMs = Number.POSITIVE_INFINITY): Promise<void> {
    this.running = false;
    this.campaigns.stop();
    this.idle.ring();
    this.recordUntil = Date.now() + recordWithinMs;
    // The link first: parts still waiting for a TPS token come back at once as retries (requeued, no
    // attempt used) instead of draining at contract speed; 1,000 claimed at 100/s would take 10 s.
    await this.link.stop();
    await this.loop;
    await this.receipts.flush();
  }

  /**
   * A campaign changed state (started, resumed, paused, cancelled) or a test send was requested: claim now
   * instead of after the idle wait, and read again the campaigns of the messages in hand, so that a pause or a
   * cancel stops them reaching the carrier at once.
   */
  wake(): void {
    this.notices++;
    this.idle.ring();
    if (!this.campaigns.isEmpty) void this.campaigns.read();
  }

  linkStatus(): LinkStatus {
    return this.link.status();
  }

  /**
   * Claims the next batch as soon as fewer than one batch of messages waits for the link, so the link never
   * runs dry while a claim is under way; waiting instead for a batch's outcomes to be written left the link
   * idle for a claim's round trip every batch. At most two batches are in hand, as before.
   */
  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (this.inHand.count >= this.claimLimit()) {
          await this.inHand.lessThan(this.claimLimit());
          continue;
        }
        const claimed = await this.claimNext();
        this.failures.succeeded('claiming');
        if (claimed.length === 0) {
          await this.idle.sleep(this.options.idleMs);
          continue;
        }
        this.track(this.send(claimed));
      } catch (error) {
        this.failures.failed('claiming', error as Error);
        await sleep(1000);
      }
    }
    await Promise.all(this.sending);
  }

  /** Keeps a batch's work until every outcome of it is written, so stop() can wait for it. */
  private track(batch: Promise<void>): void {
    this.sending.add(batch);
    void batch.finally(() => {
      this.sending.delete(batch);
      this.tellIfDrained();
    });
  }

  /** The last outcomes (or receipts) of a campaign are written: it can be marked completed now, not at the next tick. */
  private tellIfDrained(): void {
    if (this.sending.size === 0 && this.inHand.count === 0) this.drained();
  }

  private async claimNext(): Promise<ClaimedMessage[]> {
    // Claiming while no session is bound would only turn messages round as retries, once a second each.
    if (this.link.status().boundSessions === 0) return [];
    await this.sendTests();
    for (const campaign of await this.delivery.queue.runningCampaigns(this.link.carrier)) {
      if (this.campaigns.haltFor(campaign, 'running') || this.campaigns.haltOf(campaign.id)) continue;
      const after = this.lastClaimed.get(campaign.id) ?? 0;
      const notices = this.notices;
      const claimed = await this.delivery.queue.claim(campaign, this.link.carrier, after, this.claimLimit(), this.options.leaseSeconds);
      if (claimed.length > 0) {
        this.lastClaimed.set(campaign.id, claimed[claimed.length - 1].id);
        this.campaigns.add(campaign, claimed.length);
        // A pause committed while the claim ran, which saw the campaign running: look again before sending.
        if (this.notices !== notices) await this.campaigns.read();
        // Claimed means leased to this process: losing them now would hold them until the lease ends.
        const loaded = await this.persist(`texts of ${claimed.length} claimed messages`, () => this.loadTexts(claimed));
        if (!loaded) this.campaigns.add(campaign, -claimed.length);
        return loaded ? claimed : [];
      }
      // Retries go back with lower ids than the keyset cursor: start over once the tail is drained.
      if (after > 0) this.lastClaimed.set(campaign.id, 0);
    }
    return [];
  }

  /**
   * Test sends (a few, to staff numbers, before approval) go ahead of campaigns and outside their windows,
   * submitted one by one on the same link; the answer is recorded on the test send, never on a message.
   */
  private async sendTests(): Promise<void> {
    if (!this.testSends) return;
    const leaseUntil = new Date(this.options.clock.now() + this.options.leaseSeconds * 1000);
    for (const test of await this.testSends.claim(this.link.carrier, TEST_SENDS_PER_CLAIM, leaseUntil)) {
      const outcome = await this.link
        .submit({ destination: test.msisdn, text: test.body, encoding: test.encoding, validityHours: 1 })
        .catch((error: Error) => ({ kind: 'not-sent' as const, accepted: [], error: error.message }));
      await this.testSends.record(test.id, {
        accepted: outcome.kind === 'accepted',
        smscMessageId: outcome.accepted[0]?.smscMessageId ?? null,
        error: outcome.kind === 'accepted' ? null : outcome.error,
      });
    }
  }

  /**
   * A campaign's messages in hand stop: those waiting for the link are taken back at once and, like those not
   * handed to it yet (send), go back to the queue or end cancelled. What is in flight is answered and recorded
   * as usual, and a message the carrier has earlier parts of gets the rest.
   */
  private halt(campaignId: number, halt: Halt, inHand: number): void {
    // Its retries and the messages given back start again from the lowest id when it resumes.
    this.lastClaimed.delete(campaignId);
    const withdrawn = this.link.withdraw((sms) => this.sends.get(sms)?.campaignId === campaignId, halt.reason);
    this.logger.log(`campaign ${campaignId}: ${halt.reason}; ${inHand} messages in hand, ${withdrawn} taken back from the link, nothing more goes out`);
  }

  /**
   * A claimed message must be sent well within its lease, or another dispatcher takes it over while it is
   * still here and it goes out twice. Two batches are in hand at once, so each gets a quarter of the lease
   * at the link's TPS (one PDU per message assumed: long messages take longer, hence the margin).
   */
  private claimLimit(): number {
    return Math.max(1, Math.min(this.options.batchSize, Math.floor((this.link.tps * this.options.leaseSeconds) / 4)));
  }

  private async loadTexts(messages: ClaimedMessage[]): Promise<void> {
    const missing = [...new Set(messages.map((m) => m.textId))].filter((id) => !this.texts.has(id));
    if (missing.length === 0) return;
    for (const [id, text] of await this.delivery.queue.textsOf(missing)) this.texts.set(id, text);
  }

  /** Resolves once every message of the batch has its outcome recorded (OutcomeWriter writes them as they come). */
  private async send(messages: ClaimedMessage[]): Promise<void> {
    this.inHand.add(messages.length);
    await Promise.all(
      messages.map(async (message) => {
        if (!this.unrecorded.tryTake()) await this.unrecorded.take();
        const halt = this.campaigns.haltOf(message.campaignId);
        const { change, submissions } = halt ? { change: notHandedOver(message, halt), submissions: [] } : await this.submitOne(message);
        this.inHand.add(-1);
        await this.outcomes.add(change, submissions);
        this.campaigns.release(message.campaignId);
        this.unrecorded.give();
      }),
    );
  }

  /**
   * The carrier has these messages (or refused them): if that is not recorded, the lease sends them again.
   * A repeated statement changes nothing: only rows still 'sending' change, submissions are ON CONFLICT DO NOTHING.
   */
  private recordOutcomes(changes: StateChange[], submissions: SubmittedPart[], receipts: StoredReceipt[]): Promise<boolean> {
    return this.persist(`outcomes of ${changes.length} messages`, () =>
      this.delivery.outcomes.recordOutcomes(changes, submissions, this.link.carrier, receipts),
    );
  }

  /**
   * Work on messages this process has claimed, retried with backoff while the database is away (a restart).
   * Given up once their lease has ended (others may send them by then, and a late write changes nothing),
   * or when stop() allows no more time; their lease then brings the messages back.
   */
  private async persist(what: string, work: () => Promise<void>): Promise<boolean> {
    const leaseEnds = Date.now() + this.options.leaseSeconds * 1000;
    for (let attempt = 0; ; attempt++) {
      try {
        await work();
        if (attempt > 0) this.logger.log(`${what}: done after ${attempt} retries`);
        return true;
      } catch (error) {
        const reason = (error as Error).message;
        if (Date.now() >= Math.min(leaseEnds, this.recordUntil)) {
          this.logger.error(`${what}: given up (${reason}); they go out again when their lease ends`);
          return false;
        }
        if (attempt === 0) this.logger.warn(`${what}: database unavailable (${reason}), retrying`);
        await sleep(backoffDelay(PERSIST_RETRY, attempt));
      }
    }
  }

  private async submitOne(message: ClaimedMessage): Promise<{ change: StateChange; submissions: SubmittedPart[] }> {
    const text = this.texts.get(message.textId)!;
    const parts = partsToSend(message, this.account.resendParts);
    // One literal of a fixed shape (no spread): this runs once per message.
    const sms: OutboundSms = {
      destination: message.msisdn,
      text: text.body,
      encoding: text.encoding,
      validityHours: message.validityHours,
      onlyParts: parts.onlyParts,
      reference: parts.reference,
    };
    try {
      this.sends.set(sms, message);
      const outcome = await this.link.submit(sms);
      const after = stateAfterSend(message, sms, outcome, this.options.retry);
      const halt = outcome.kind === 'not-sent' ? this.campaigns.haltOf(message.campaignId) : undefined;
      // Taken back from the link (or never sent there) because its campaign stopped: no wait before it may go again.
      if (halt) Object.assign(after.change, { state: halt.state, error: halt.reason, retryAfterSeconds: undefined });
      return after;
    } catch (error) {
      // A bug, not a carrier answer: fail this message, keep the others going.
      return { change: { campaignId: message.campaignId, id: message.id, state: 'failed', error: (error as Error).message }, submissions: [] };
    }
  }

  /** A part whose answer came after its request had expired: the carrier has it, and its receipt will need the id. */
  private async recordLateAccept({ message: sms, part, totalParts, smscMessageId }: LateAccept): Promise<void> {
    const message = this.sends.get(sms);
    if (!message) return;
    const parts = [{ campaignId: message.campaignId, messageId: message.id, smscMessageId, part, parts: totalParts }];
    await this.persist(`late answer for message ${message.campaignId}/${message.id}`, () => this.delivery.outcomes.recordLateAccepts(parts, this.link.carrier));
  }

  /** A subscriber's own SMS to the brandname: kept before deliver_sm_resp goes back, like receipts. */
  private storeInbound(message: InboundSms): Promise<void> {
    const { carrier, sourceAddr, destAddr, text, dataCoding } = message;
    return this.delivery.receipts.storeInbound([{ carrier, sourceAddr, destAddr, body: text, dataCoding }]);
  }
}

/** A claimed message never handed to the link, its campaign halted: back to the queue or cancelled, its attempt not used. */
function notHandedOver(message: ClaimedMessage, halt: Halt): StateChange {
  return { campaignId: message.campaignId, id: message.id, state: halt.state, error: halt.reason, refundAttempt: true };
}

/** A fixed number of credits, taken and given back; a take waits, in order, while none is free. */
class Credits {
  private readonly waiting: (() => void)[] = [];

  constructor(private free: number) {}

  /** Takes a credit if one is free now (nothing to wait for, nothing allocated). */
  tryTake(): boolean {
    if (this.free === 0 || this.waiting.length > 0) return false;
    this.free--;
    return true;
  }

  take(): Promise<void> {
    if (this.tryTake()) return Promise.resolve();
    return new Promise((granted) => this.waiting.push(granted));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

/**
 * A sleep that ring() ends early. A ring while nobody sleeps is kept for the next sleep, so news that came
 * during a claim (which looked before the news was committed) is not lost.
 */
class Alarm {
  private rung = false;
  private wakeSleeper: (() => void) | null = null;

  sleep(ms: number): Promise<void> {
    if (this.rung) {
      this.rung = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wakeUp(), ms);
      this.wakeSleeper = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  ring(): void {
    if (this.wakeSleeper) this.wakeUp();
    else this.rung = true;
  }

  private wakeUp(): void {
    const wake = this.wakeSleeper;
    this.wakeSleeper = null;
    this.rung = false;
    wake?.();
  }
}

/** A count that can be awaited until it drops below a mark. */
class Counter {
  count = 0;
  private waiters: { below: number; wake: () => void }[] = [];

  add(delta: number): void {
    this.count += delta;
    // Once per message answered: look before building new lists.
    if (delta >= 0 || !this.waiters.some((waiter) => this.count < waiter.below)) return;
    const ready = this.waiters.filter((waiter) => this.count < waiter.below);
    this.waiters = this.waiters.filter((waiter) => this.count >= waiter.below);
    for (const waiter of ready) waiter.wake();
  }

  lessThan(below: number): Promise<void> {
    if (this.count < below) return Promise.resolve();
    return new Promise((wake) => this.waiters.push({ below, wake }));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
