import {
  type CarrierId,
  type CarrierLinkPort,
  type DeliveryReceipt,
  type InboundSms,
  type LateAccept,
  type LinkStatus,
  type OutboundSms,
  type SmppAccountConfig,
  type SubmitOutcome,
} from './carrier-link.types';
import { backoffDelay, type ClockTimer, systemClock, type TimerClock, VIETNAM_UTC_OFFSET_MINUTES } from '@loa/common';
import { parseDeliverSm, type ReceiptParseOptions } from './deliver-sm.parser';
import { Fifo } from './fifo';
import { defaultLinkLogger, type LinkLogger } from './link-logger';
import { LinkSession, type SessionRole } from './link-session';
import { MessageJob } from './message-job';
import { type SmppPdu } from './smpp-package';
import { classifySmppStatus, SMPP_STATUS, smppStatusName } from './smpp-status';
import { canonicalSubmitId } from './smsc-message-id';
import { buildSubmitPdus, ConcatReferences, EncodedTexts, type SubmitPlan } from './submit-pdus';
import { TpsLimiter } from './tps-limiter';

export interface CarrierLinkOptions {
  logger?: LinkLogger;
  /** Reconnect delay: doubles per failed attempt from the first up to the cap, with jitter (500 / 30,000 ms). */
  reconnectInitialMs?: number;
  reconnectMaxMs?: number;
  /** Pause after throttled / queue-full: doubles per repeat from the first up to the cap (250 / 10,000 ms). */
  pauseInitialMs?: number;
  pauseMaxMs?: number;
  /** How long stop() waits for outstanding submits and the rest of messages already begun before unbinding (5,000 ms). */
  drainTimeoutMs?: number;
  /** Offset of the SMSC clock in receipt dates (default Asia/Ho_Chi_Minh's). */
  receiptUtcOffsetMinutes?: number;
  random?: () => number;
  /**
   * The link's time: pacing, pauses, reconnect backoff, status and the drain at stop wait on it (tests move
   * a ManualClock instead of sleeping). Request timeouts and enquire_link stay on the wire's own timers.
   */
  clock?: TimerClock;
}

const REFUSED_LOG_INTERVAL_MS = 5000;

type QueueName = 'nextParts' | 'resends' | 'fresh';

const COUNTER_OF_OUTCOME = {
  accepted: 'accepted',
  permanent: 'failed',
  refused: 'retried',
  'not-sent': 'retried',
  ambiguous: 'ambiguous',
} as const satisfies Record<SubmitOutcome['kind'], keyof LinkStatus['counters']>;

/** One carrier account: its binds, window, TPS, pauses, and the receipts coming back. */
export class CarrierLink implements CarrierLinkPort {
  readonly carrier: CarrierId;
  readonly tps: number;
  private readonly sessions: LinkSession[];
  private readonly logger: LinkLogger;
  private readonly limiter: TpsLimiter;
  private readonly references = new ConcatReferences();
  private readonly texts = new EncodedTexts();
  private readonly reconnectTimers = new Set<ClockTimer>();
  private readonly attempts = new Map<LinkSession, number>();
  /**
   * Messages waiting to send their current part, one entry per message, served in this order: the next
   * part of a message the SMSC has earlier parts of (the handset holds them), a part to send again after
   * a throttled / queue-full pause, then the first part of a new message.
   */
  private readonly queues: Record<QueueName, Fifo<MessageJob>> = { nextParts: new Fifo(), resends: new Fifo(), fresh: new Fifo() };
  private running: 'stopped' | 'running' | 'stopping' = 'stopped';
  private stopping?: Promise<void>;
  /** While stopping, next parts are still sent until then. */
  private drainUntil = 0;
  private pausedUntil = 0;
  private pauseStartedAt = 0;
  private pauseLevel = 0;
  private pumpScheduled = false;
  private wakeTimer?: ClockTimer;
  private wakeAt = Infinity;
  private nextSender = 0;
  private lastBindFailed = false;
  private receiptHandler?: (receipt: DeliveryReceipt) => Promise<void>;
  private inboundHandler?: (message: InboundSms) => Promise<void>;
  private lateAcceptHandler?: (late: LateAccept) => void;
  private readonly counters: LinkStatus['counters'] = {
    submitted: 0,
    accepted: 0,
    retried: 0,
    failed: 0,
    ambiguous: 0,
    receipts: 0,
    inbound: 0,
    reconnects: 0,
    lateResponses: 0,
  };
  private readonly pdus = { sent: 0, pauses: 0 };
  // Keyed by status / stat: a key is added once, then only incremented (nothing allocated per PDU).
  private readonly answers: Record<number, number> = {};
  private readonly receiptStates: Record<string, number> = {};
  private lastErrorMessage: string | null = null;
  private lastErrorAt = 0;
  private readonly clock: TimerClock;
  private refusedDeliverSm = { loggedAt: 0, unlogged: 0 };
  /** How this carrier's receipts read, for every deliver_sm. */
  private readonly receiptParsing: ReceiptParseOptions;

  constructor(
    private readonly config: SmppAccountConfig,
    private readonly options: CarrierLinkOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.carrier = config.id;
    this.tps = config.tps;
    this.receiptParsing = {
      carrier: config.id,
      dlrIdFormat: config.dlrIdFormat,
      utcOffsetMinutes: options.receiptUtcOffsetMinutes ?? VIETNAM_UTC_OFFSET_MINUTES,
    };
    this.logger = options.logger ?? defaultLinkLogger(config.id);
    this.limiter = new TpsLimiter(config.tps);
    this.sessions = sessionRoles(config).map(
      (role, index, roles) =>
        new LinkSession(
          `${config.id}#${index + 1}/${roles.length}`,
          {
            carrier: config.id,
            host: config.host,
            port: config.port,
            systemId: config.systemId,
            password: config.password,
            systemType: config.systemType,
            role,
            bindTimeoutMs: (config.bindTimeoutSeconds ?? 5) * 1000,
            requestTimeoutMs: (config.requestTimeoutSeconds ?? 10) * 1000,
            enquireLinkMs: config.enquireLinkSeconds * 1000,
          },
          { deliverSm: (pdu) => this.onDeliverSm(pdu), down: (session, reason) => this.onSessionDown(session, reason) },
        ),
    );
  }

  /** Binds every session; rejects only when none could bind, and then keeps retrying in the background until stop(). */
  async start(): Promise<void> {
    if (this.running !== 'stopped') return;
    this.running = 'running';
    const results = await Promise.allSettled(this.sessions.map((session) => this.connect(session)));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure && results.every((result) => result.status === 'rejected')) throw failure.reason;
  }

  stop(): Promise<void> {
    if (this.running === 'stopped') return Promise.resolve();
    this.stopping ??= this.shutdown().finally(() => (this.stopping = undefined));
    return this.stopping;
  }

  submit(message: OutboundSms): Promise<SubmitOutcome> {
    this.counters.submitted++;
    return new Promise((resolve) => {
      const finish = (outcome: SubmitOutcome) => resolve(this.count(outcome));
      let plan: SubmitPlan;
      try {
        plan = buildSubmitPdus(message, this.config, this.references, this.texts);
      } catch (error) {
        // The text does not fit its declared encoding, or onlyParts / reference do not fit the message: no SMSC status, hence -1.
        return finish({
          kind: 'permanent',
          status: -1,
          error: `cannot build submit_sm: ${(error as Error).message}`,
          totalParts: 0,
          reference: null,
          accepted: [],
        });
      }
      const job = new MessageJob(message, plan, finish);
      const unavailable = this.unavailableReason();
      if (unavailable) return job.notSent(null, unavailable);
      this.queues.fresh.push(job);
      this.schedulePump();
    });
  }

  withdraw(shouldWithdraw: (message: OutboundSms) => boolean, reason: string): number {
    let withdrawn = 0;
    for (const name of ['fresh', 'resends'] as const) {
      for (const job of this.queues[name].takeWhere((queued) => !queued.begun && shouldWithdraw(queued.message))) {
        job.notSent(null, reason);
        withdrawn++;
      }
    }
    return withdrawn;
  }

  onReceipt(handler: (receipt: DeliveryReceipt) => Promise<void>): void {
    this.receiptHandler = handler;
  }

  onInbound(handler: (message: InboundSms) => Promise<void>): void {
    this.inboundHandler = handler;
  }

  onLateAccept(handler: (late: LateAccept) => void): void {
    this.lateAcceptHandler = handler;
  }

  status(): LinkStatus {
    const boundSessions = this.boundCount();
    const state = this.running !== 'running' ? this.running : boundSessions === 0 ? 'connecting' : this.pausedUntil > this.clock.now() ? 'paused' : 'bound';
    const { nextParts, resends, fresh } = this.queues;
    const queued = nextParts.size + resends.size + fresh.size;
    return {
      carrier: this.carrier,
      state,
      boundSessions,
      inFlight: this.inFlight(),
      counters: { ...this.counters },
      queued,
      pdus: { ...this.pdus },
      answers: { ...this.answers },
      receiptStates: { ...this.receiptStates },
      lastError: this.lastErrorMessage === null ? null : { message: this.lastErrorMessage, at: this.lastErrorAt },
    };
  }

  private noteError(message: string): void {
    this.lastErrorMessage = message;
    this.lastErrorAt = this.clock.now();
  }

  private boundCount(): number {
    return this.sessions.filter((session) => session.state === 'bound').length;
  }

  private inFlight(): number {
    return this.sessions.reduce((sum, session) => sum + session.submitsInFlight, 0);
  }

  private unavailableReason(): string | null {
    if (this.running !== 'running') return `link ${this.carrier} is ${this.running}`;
    if (this.lastBindFailed && this.boundCount() === 0) return `link ${this.carrier} is down`;
    return null;
  }

  private count(outcome: SubmitOutcome): SubmitOutcome {
    this.counters[COUNTER_OF_OUTCOME[outcome.kind]]++;
    return outcome;
  }

  private async connect(session: LinkSession): Promise<void> {
    const wasBound = session.everBound;
    try {
      await session.open();
    } catch (error) {
      this.lastBindFailed = true;
      this.noteError((error as Error).message);
      this.logger.error((error as Error).message);
      if (this.boundCount() === 0) this.failQueued(['nextParts', 'resends', 'fresh'], `link ${this.carrier} is down: ${(error as Error).message}`);
      this.scheduleReconnect(session);
      throw error;
    }
    if (this.running !== 'running') return void session.close(1000);
    this.lastBindFailed = false;
    this.attempts.set(session, 0);
    if (wasBound) this.counters.reconnects++;
    this.logger.log(`${session.target.bindCommand} ${session.label} bound to ${this.config.host}:${this.config.port} as system_id "${this.config.systemId}"`);
    this.schedulePump();
  }

  private scheduleReconnect(session: LinkSession): void {
    if (this.running !== 'running') return;
    const attempt = this.attempts.get(session) ?? 0;
    this.attempts.set(session, attempt + 1);
    const backoff = { first: this.options.reconnectInitialMs ?? 500, max: this.options.reconnectMaxMs ?? 30_000, jitter: true };
    const delay = backoffDelay(backoff, attempt, this.options.random);
    const timer = this.clock.setTimeout(() => {
      this.reconnectTimers.delete(timer);
      this.connect(session).catch(() => undefined);
    }, delay);
    this.reconnectTimers.add(timer);
  }

  private onSessionDown(session: LinkSession, reason: string): void {
    if (this.running !== 'running') return;
    this.noteError(`${session.label} lost: ${reason}`);
    this.logger.warn(`${session.label} lost: ${reason}; reconnecting`);
    this.scheduleReconnect(session);
    this.schedulePump();
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private wake(at: number): void {
    if (at >= this.wakeAt) return;
    if (this.wakeTimer) this.clock.clearTimeout(this.wakeTimer);
    this.wakeAt = at;
    this.wakeTimer = this.clock.setTimeout(
      () => {
        this.wakeTimer = undefined;
        this.wakeAt = Infinity;
        this.pump();
      },
      Math.max(1, at - this.clock.now()),
    );
  }

  private pump(): void {
    for (let queue = this.sendableQueue(); queue; queue = this.sendableQueue()) {
      const now = this.clock.now();
      if (this.pausedUntil > now) return this.wake(this.pausedUntil);
      const session = this.pickSender();
      if (!session) return; // a response or a new bind pumps again
      const wait = this.limiter.waitMs(now);
      if (wait > 0) return this.wake(now + wait);
      if (!this.send(session, queue.peek()!, now)) return;
      queue.shift();
      this.limiter.take(now);
      this.pdus.sent++;
    }
  }

  /** While stopping, only messages the SMSC already has parts of get their next part. */
  private sendableQueue(): Fifo<MessageJob> | undefined {
    const { nextParts, resends, fresh } = this.queues;
    if (this.running === 'stopped') return undefined;
    if (nextParts.size > 0) return nextParts;
    if (this.running !== 'running') return undefined;
    if (resends.size > 0) return resends;
    return fresh.size > 0 ? fresh : undefined;
  }

  private send(session: LinkSession, job: MessageJob, sentAt: number): boolean {
    const { message } = job;
    const { part, fields } = job.current;
    return session.submit(
      fields,
      (response, reason) => this.onSubmitDone(job, sentAt, response, reason),
      (response) => this.onLateResponse(message, part, job.totalParts, response),
    );
  }

  private pickSender(): LinkSession | undefined {
    const count = this.sessions.length;
    for (let offset = 0; offset < count; offset++) {
      const session = this.sessions[(this.nextSender + offset) % count];
      if (session.canSubmit && session.state === 'bound' && session.submitsInFlight < this.config.window) {
        this.nextSender = (this.nextSender + offset + 1) % count;
        return session;
      }
    }
    return undefined;
  }

  private onSubmitDone(job: MessageJob, sentAt: number, response: SmppPdu | null, reason: string): void {
    this.schedulePump();
    if (!response) return job.ambiguous(reason);
    const status = response.command_status;
    this.answers[status] = (this.answers[status] ?? 0) + 1;
    if (status === SMPP_STATUS.OK) return this.onAccepted(job, sentAt, response);
    // The carrier's "text matches no registered template" answer is final whatever class its number has (0x45 at some SMSCs).
    const templateRefused = status === this.config.templateRefusedStatus;
    const name = templateRefused ? `template not registered, ${smppStatusName(status)}` : smppStatusName(status);
    this.noteError(`submit_sm answered ${name}`);
    switch (templateRefused ? 'permanent' : classifySmppStatus(status)) {
      case 'pause-link':
        return this.onThrottled(job, sentAt, status, name);
      case 'retry':
        return job.refused(status, name);
      case 'permanent':
        return job.permanent(status, name);
    }
  }

  private onAccepted(job: MessageJob, sentAt: number, response: SmppPdu): void {
    if (sentAt >= this.pausedUntil) this.pauseLevel = 0;
    if (!job.accept(this.smscMessageId(response))) return;
    if (this.running === 'running' || this.clock.now() < this.drainUntil) this.queues.nextParts.push(job);
    else job.notSent(null, `link ${this.carrier} is ${this.running}`);
  }

  /** Throttled / queue full: the SMSC did not take the part, so it goes again after the pause, as often as it takes. */
  private onThrottled(job: MessageJob, sentAt: number, status: number, name: string): void {
    this.pause(sentAt, name);
    if (this.running === 'running') this.queues.resends.push(job);
    else job.notSent(status, name);
  }

  private onLateResponse(message: OutboundSms, part: number, totalParts: number, response: SmppPdu): void {
    this.counters.lateResponses++;
    if (response.command_status !== SMPP_STATUS.OK) return;
    const late: LateAccept = { message, part, totalParts, smscMessageId: this.smscMessageId(response) };
    // Off the smpp package's read loop: a handler that throws there would leave the session deaf for good.
    void Promise.resolve()
      .then(() => this.lateAcceptHandler?.(late))
      .catch((error: Error) => this.logger.error(`${this.carrier}: late accept of ${late.smscMessageId} not handled: ${error.message}`));
  }

  private smscMessageId(response: SmppPdu): string {
    return canonicalSubmitId(String(response.message_id ?? ''), this.config.dlrIdFormat);
  }

  private pause(sentAt: number, name: string): void {
    // Everything sent before this pause began belongs to the same burst: one answer escalates, not the whole window.
    if (sentAt < this.pauseStartedAt) return;
    const now = this.clock.now();
    this.pauseLevel++;
    const delay = backoffDelay({ first: this.options.pauseInitialMs ?? 250, max: this.options.pauseMaxMs ?? 10_000 }, this.pauseLevel - 1);
    this.pauseStartedAt = now;
    this.pausedUntil = now + delay;
    this.pdus.pauses++;
    this.logger.warn(`${this.carrier} answered ${name}: pausing the link for ${delay} ms`);
  }

  private failQueued(queues: QueueName[], error: string): void {
    for (const name of queues) for (const job of this.queues[name].takeAll()) job.notSent(null, error);
  }

  private async onDeliverSm(pdu: SmppPdu): Promise<number> {
    try {
      const content = parseDeliverSm(pdu, this.receiptParsing);
      if (content.kind === 'receipt') {
        this.counters.receipts++;
        const stat = content.receipt.state ?? 'none';
        this.receiptStates[stat] = (this.receiptStates[stat] ?? 0) + 1;
        await this.receiptHandler?.(content.receipt);
      } else {
        this.counters.inbound++;
        await this.inboundHandler?.(content.message);
      }
      return SMPP_STATUS.OK;
    } catch (error) {
      // Answering a temporary error makes the SMSC deliver it again later instead of losing it.
      this.logRefusedDeliverSm(pdu, error as Error);
      return SMPP_STATUS.TEMPORARY_APP_ERROR;
    }
  }

  /** One line per 5 s at most: while the database is away, every receipt fails the same way. */
  private logRefusedDeliverSm(pdu: SmppPdu, error: Error): void {
    const now = this.clock.now();
    if (now - this.refusedDeliverSm.loggedAt < REFUSED_LOG_INTERVAL_MS) {
      this.refusedDeliverSm.unlogged++;
      return;
    }
    const more = this.refusedDeliverSm.unlogged > 0 ? ` (and ${this.refusedDeliverSm.unlogged} more before it)` : '';
    this.logger.error(`${this.carrier}: deliver_sm ${pdu.sequence_number} not stored${more}, answering ESME_RX_T_APPN: ${error.message}`);
    this.refusedDeliverSm = { loggedAt: now, unlogged: 0 };
  }

  private async shutdown(): Promise<void> {
    this.running = 'stopping';
    this.reconnectTimers.forEach((timer) => this.clock.clearTimeout(timer));
    this.reconnectTimers.clear();
    const error = `link ${this.carrier} is stopping`;
    this.failQueued(['resends', 'fresh'], error);
    // Messages the SMSC has earlier parts of get the rest while the window drains: no orphan parts on a restart.
    this.drainUntil = this.clock.now() + (this.options.drainTimeoutMs ?? 5000);
    while (this.hasDrainWork() && this.clock.now() < this.drainUntil) await new Promise((resolve) => setTimeout(resolve, 10));
    this.drainUntil = 0;
    this.clearWake();
    this.failQueued(['nextParts'], error);
    await Promise.all(this.sessions.map((session) => session.close(1000)));
    this.running = 'stopped';
    this.logger.log(`${this.carrier} link stopped`);
  }

  private hasDrainWork(): boolean {
    return this.inFlight() > 0 || (this.queues.nextParts.size > 0 && this.boundCount() > 0);
  }

  private clearWake(): void {
    if (this.wakeTimer) this.clock.clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.wakeAt = Infinity;
  }
}

function sessionRoles(config: SmppAccountConfig): SessionRole[] {
  const binds = Math.max(1, config.binds);
  if (config.bindMode === 'transceiver') return Array<SessionRole>(binds).fill('transceiver');
  // Transmitters and receivers share the contract's session count; at least one of each.
  const transmitters = Math.max(1, Math.floor(binds / 2));
  const receivers = Math.max(1, binds - transmitters);
  return [...Array<SessionRole>(transmitters).fill('transmitter'), ...Array<SessionRole>(receivers).fill('receiver')];
}
