import {
  type CarrierId,
  type CarrierLinkPort,
  type DeliveryReceipt,
  type InboundSms,
  type LateAccept,
  type LinkState,
  type LinkStatus,
  type LinkTunables,
  type OutboundSms,
  type SmppAccountConfig,
  type SubmitOutcome,
} from './carrier-link.types';
import { systemClock, type TimerClock, VIETNAM_UTC_OFFSET_MINUTES } from '@loa/common';
import { type LinkContext, LinkLifecycle } from './link-context';
import { LinkInbox } from './link-inbox';
import { defaultLinkLogger, type LinkLogger } from './link-logger';
import { LinkPacing } from './link-pacing';
import { LinkSessions } from './link-sessions';
import { LinkStatusTracker } from './link-status-tracker';
import { MessageJob } from './message-job';
import { buildSubmitPdus, ConcatReferences, EncodedTexts, type SubmitPlan } from './submit-pdus';

export interface CarrierLinkOptions extends LinkTunables {
  logger?: LinkLogger;
  /** Offset of the SMSC clock in receipt dates (default Asia/Ho_Chi_Minh's). */
  receiptUtcOffsetMinutes?: number;
  random?: () => number;
  /**
   * The link's time: pacing, pauses, reconnect backoff, status and the drain at stop wait on it (tests move
   * a ManualClock instead of sleeping). Request timeouts and enquire_link stay on the wire's own timers.
   */
  clock?: TimerClock;
}

/**
 * One carrier account: its binds, window, TPS, pauses, and the receipts coming back. A façade over its
 * parts, each the one owner of its state: the sessions (bind, reconnect, close), the pacing (TPS, window,
 * throttle pauses, withdraw, drain), the inbox (receipts, inbound, late answers) and the status.
 */
export class CarrierLink implements CarrierLinkPort {
  readonly carrier: CarrierId;
  readonly tps: number;
  private readonly lifecycle = new LinkLifecycle();
  private readonly tracker: LinkStatusTracker;
  private readonly inbox: LinkInbox;
  private readonly sessions: LinkSessions;
  private readonly pacing: LinkPacing;
  private readonly references = new ConcatReferences();
  private readonly texts = new EncodedTexts();
  private readonly clock: TimerClock;
  private readonly logger: LinkLogger;
  private stopping?: Promise<void>;

  constructor(
    private readonly config: SmppAccountConfig,
    options: CarrierLinkOptions,
  ) {
    this.carrier = config.id;
    this.tps = config.tps;
    const clock = (this.clock = options.clock ?? systemClock);
    const logger = (this.logger = options.logger ?? defaultLinkLogger(config.id));
    this.tracker = new LinkStatusTracker(config.id, clock);
    const context: LinkContext = { config, lifecycle: this.lifecycle, clock, status: this.tracker, logger };
    const receiptParsing = {
      carrier: config.id,
      dlrIdFormat: config.dlrIdFormat,
      utcOffsetMinutes: options.receiptUtcOffsetMinutes ?? VIETNAM_UTC_OFFSET_MINUTES,
    };
    this.inbox = new LinkInbox(receiptParsing, this.tracker, logger, clock, options.refusedReceiptLogIntervalMs);
    const reconnect = { first: options.reconnectInitialMs, max: options.reconnectMaxMs, jitter: true };
    this.sessions = new LinkSessions(
      context,
      { reconnect, lateAnswerKeepMs: options.lateAnswerKeepMs, lateAnswerKeepMax: options.lateAnswerKeepMax, random: options.random },
      {
        bound: () => this.pacing.schedulePump(),
        allDown: (reason) => this.pacing.failAll(reason),
        lost: () => this.pacing.schedulePump(),
        deliverSm: (pdu) => this.inbox.deliverSm(pdu),
      },
    );
    const pause = { first: options.pauseInitialMs, max: options.pauseMaxMs };
    this.pacing = new LinkPacing(context, this.sessions, this.inbox, { pause, drainTimeoutMs: options.drainTimeoutMs });
  }

  /** Binds every session; rejects only when none could bind, and then keeps retrying in the background until stop(). */
  async start(): Promise<void> {
    if (this.lifecycle.run !== 'stopped') return;
    this.lifecycle.run = 'running';
    await this.sessions.open();
  }

  stop(): Promise<void> {
    if (this.lifecycle.run === 'stopped') return Promise.resolve();
    this.stopping ??= this.shutdown().finally(() => (this.stopping = undefined));
    return this.stopping;
  }

  submit(message: OutboundSms): Promise<SubmitOutcome> {
    this.tracker.counters.submitted++;
    return new Promise((resolve) => {
      const finish = (outcome: SubmitOutcome) => resolve(this.tracker.outcome(outcome));
      let plan: SubmitPlan;
      try {
        plan = buildSubmitPdus(message, this.config, this.references, this.texts);
      } catch (error) {
        // The text does not fit its declared encoding, or onlyParts / reference do not fit the message: no SMSC status, hence -1.
        const reason = `cannot build submit_sm: ${(error as Error).message}`;
        return finish({ kind: 'permanent', status: -1, error: reason, totalParts: 0, reference: null, accepted: [] });
      }
      const job = new MessageJob(message, plan, finish);
      const unavailable = this.unavailableReason();
      if (unavailable) return job.notSent(null, unavailable);
      this.pacing.enqueue(job);
    });
  }

  withdraw(shouldWithdraw: (message: OutboundSms) => boolean, reason: string): number {
    return this.pacing.withdraw(shouldWithdraw, reason);
  }

  onReceipt(handler: (receipt: DeliveryReceipt) => Promise<void>): void {
    this.inbox.onReceipt(handler);
  }

  onInbound(handler: (message: InboundSms) => Promise<void>): void {
    this.inbox.onInbound(handler);
  }

  onLateAccept(handler: (late: LateAccept) => void): void {
    this.inbox.onLateAccept(handler);
  }

  status(): LinkStatus {
    const bound = this.sessions.bound;
    return this.tracker.snapshot(this.state(bound), bound, this.sessions.inFlight, this.pacing.queued);
  }

  private state(bound: number): LinkState {
    const { run } = this.lifecycle;
    if (run !== 'running') return run;
    if (bound === 0) return 'connecting';
    return this.pacing.isPaused(this.clock.now()) ? 'paused' : 'bound';
  }

  private unavailableReason(): string | null {
    if (!this.lifecycle.running) return `link ${this.carrier} is ${this.lifecycle.run}`;
    if (this.sessions.down) return `link ${this.carrier} is down`;
    return null;
  }

  private async shutdown(): Promise<void> {
    this.lifecycle.run = 'stopping';
    this.sessions.stopReconnecting();
    await this.pacing.drain(`link ${this.carrier} is stopping`);
    await this.sessions.close();
    this.lifecycle.run = 'stopped';
    this.logger.log(`${this.carrier} link stopped`);
  }
}
