import { type CarrierId, type CarrierLinkPort, type DeliveryReceipt, type InboundSms, type LinkStatus, type OutboundSms, type SmppAccountConfig, type SubmitOutcome } from './carrier-link.types';
import { parseDeliverSm } from './deliver-sm.parser';
import { defaultLinkLogger, type LinkLogger } from './link-logger';
import { LinkSession, type SessionRole } from './link-session';
import { MessageJob } from './message-job';
import { type SmppPdu } from './smpp-package';
import { classifySmppStatus, SMPP_STATUS, smppStatusName } from './smpp-status';
import { canonicalSubmitId } from './smsc-message-id';
import { buildSubmitPdus, ConcatReferences, type SubmitPduFields } from './submit-pdus';
import { TpsLimiter } from './tps-limiter';

export interface CarrierLinkOptions {
  logger?: LinkLogger;
  /** Reconnect delay: doubles per failed attempt from the first up to the cap, with jitter (500 / 30,000 ms). */
  reconnectInitialMs?: number;
  reconnectMaxMs?: number;
  /** Pause after throttled / queue-full: doubles per repeat from the first up to the cap (250 / 10,000 ms). */
  pauseInitialMs?: number;
  pauseMaxMs?: number;
  /** How long stop() waits for outstanding submits before unbinding (5,000 ms). */
  drainTimeoutMs?: number;
  /** Offset of the SMSC clock in receipt dates (420: Asia/Ho_Chi_Minh). */
  receiptUtcOffsetMinutes?: number;
  random?: () => number;
}

interface QueuedPart {
  job: MessageJob;
  index: number;
  fields: SubmitPduFields;
  sentAt: number;
  requeues: number;
}

// A part refused with a retry-class status (not throttling) is sent again at most this often before the
// message comes back to the dispatcher; other parts of it may already be on their way to the handset.
const MAX_PART_REQUEUES = 3;
const REFUSED_LOG_INTERVAL_MS = 5000;

/** One carrier account: its binds, window, TPS, pauses, and the receipts coming back. */
export class CarrierLink implements CarrierLinkPort {
  readonly carrier: CarrierId;
  readonly tps: number;
  private readonly sessions: LinkSession[];
  private readonly logger: LinkLogger;
  private readonly limiter: TpsLimiter;
  private readonly references = new ConcatReferences();
  private readonly reconnectTimers = new Set<NodeJS.Timeout>();
  private readonly attempts = new Map<LinkSession, number>();
  private queue: QueuedPart[] = [];
  private queueHead = 0;
  private running: 'stopped' | 'running' | 'stopping' = 'stopped';
  private stopping?: Promise<void>;
  private pausedUntil = 0;
  private pauseStartedAt = 0;
  private pauseLevel = 0;
  private pumpScheduled = false;
  private wakeTimer?: NodeJS.Timeout;
  private wakeAt = Infinity;
  private nextSender = 0;
  private lastBindFailed = false;
  private receiptHandler?: (receipt: DeliveryReceipt) => Promise<void>;
  private inboundHandler?: (message: InboundSms) => Promise<void>;
  private readonly counters: LinkStatus['counters'] = { submitted: 0, accepted: 0, retried: 0, failed: 0, ambiguous: 0, receipts: 0, inbound: 0, reconnects: 0 };
  private readonly pdus = { sent: 0, pauses: 0 };
  private refusedDeliverSm = { loggedAt: 0, unlogged: 0 };

  constructor(
    private readonly config: SmppAccountConfig,
    private readonly options: CarrierLinkOptions = {},
  ) {
    this.carrier = config.id;
    this.tps = config.tps;
    this.logger = options.logger ?? defaultLinkLogger(config.id);
    this.limiter = new TpsLimiter(config.tps);
    this.sessions = sessionRoles(config).map((role, index, roles) => new LinkSession(`${config.id}#${index + 1}/${roles.length}`, {
      carrier: config.id, host: config.host, port: config.port, systemId: config.systemId, password: config.password,
      systemType: config.systemType, role,
      bindTimeoutMs: (config.bindTimeoutSeconds ?? 5) * 1000,
      requestTimeoutMs: (config.requestTimeoutSeconds ?? 10) * 1000,
      enquireLinkMs: config.enquireLinkSeconds * 1000,
    }, { deliverSm: (pdu) => this.onDeliverSm(pdu), down: (session, reason) => this.onSessionDown(session, reason) }));
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
    if (this.running !== 'running') return Promise.resolve(this.count({ kind: 'retry', status: null, error: `link ${this.carrier} is ${this.running}` }));
    if (this.lastBindFailed && this.boundCount() === 0) return Promise.resolve(this.count({ kind: 'retry', status: null, error: `link ${this.carrier} is down` }));
    let parts: SubmitPduFields[];
    try {
      parts = buildSubmitPdus(message, this.config, this.references);
    } catch (error) {
      // The text does not fit its declared encoding: no SMSC status, hence -1.
      return Promise.resolve(this.count({ kind: 'permanent', status: -1, error: `cannot encode: ${(error as Error).message}`, acceptedParts: [] }));
    }
    return new Promise((resolve) => {
      const job = new MessageJob(parts.length, (outcome) => resolve(this.count(outcome)));
      parts.forEach((fields, index) => this.queue.push({ job, index: index + 1, fields, sentAt: 0, requeues: 0 }));
      this.schedulePump();
    });
  }

  onReceipt(handler: (receipt: DeliveryReceipt) => Promise<void>): void {
    this.receiptHandler = handler;
  }

  onInbound(handler: (message: InboundSms) => Promise<void>): void {
    this.inboundHandler = handler;
  }

  status(): LinkStatus {
    const boundSessions = this.boundCount();
    const state = this.running !== 'running' ? this.running
      : boundSessions === 0 ? 'connecting'
      : this.pausedUntil > Date.now() ? 'paused' : 'bound';
    const inFlight = this.sessions.reduce((sum, session) => sum + session.submitsInFlight, 0);
    return { carrier: this.carrier, state, boundSessions, inFlight, counters: { ...this.counters }, queued: this.queue.length - this.queueHead, pdus: { ...this.pdus } };
  }

  private boundCount(): number {
    return this.sessions.filter((session) => session.state === 'bound').length;
  }

  private count(outcome: SubmitOutcome): SubmitOutcome {
    const key = ({ accepted: 'accepted', permanent: 'failed', retry: 'retried', ambiguous: 'ambiguous' } as const)[outcome.kind];
    this.counters[key]++;
    return outcome;
  }

  private async connect(session: LinkSession): Promise<void> {
    const wasBound = session.everBound;
    try {
      await session.open();
    } catch (error) {
      this.lastBindFailed = true;
      this.logger.error((error as Error).message);
      if (this.boundCount() === 0) this.failUnsent(null, `link ${this.carrier} is down: ${(error as Error).message}`);
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
    const ceiling = Math.min(this.options.reconnectMaxMs ?? 30_000, (this.options.reconnectInitialMs ?? 500) * 2 ** attempt);
    const delay = ceiling * (0.5 + 0.5 * (this.options.random ?? Math.random)());
    const timer = setTimeout(() => {
      this.reconnectTimers.delete(timer);
      this.connect(session).catch(() => undefined);
    }, delay);
    this.reconnectTimers.add(timer);
  }

  private onSessionDown(session: LinkSession, reason: string): void {
    if (this.running !== 'running') return;
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
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeAt = at;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wakeAt = Infinity;
      this.pump();
    }, Math.max(1, at - Date.now()));
  }

  private pump(): void {
    while (this.running === 'running' && this.queueHead < this.queue.length) {
      const part = this.queue[this.queueHead];
      if (part.job.stopSending) {
        this.queueHead++;
        part.job.skip();
        continue;
      }
      const now = Date.now();
      if (this.pausedUntil > now) return this.wake(this.pausedUntil);
      const session = this.pickSender();
      if (!session) break; // a response or a new bind pumps again
      const wait = this.limiter.waitMs(now);
      if (wait > 0) return this.wake(now + wait);
      part.sentAt = now;
      if (!session.submit(part.fields, (response, reason) => this.onSubmitDone(part, response, reason))) break;
      this.queueHead++;
      this.limiter.take(now);
      this.pdus.sent++;
    }
    this.compactQueue();
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

  private compactQueue(): void {
    if (this.queueHead === this.queue.length) {
      this.queue = [];
      this.queueHead = 0;
    } else if (this.queueHead > 4096 && this.queueHead * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.queueHead);
      this.queueHead = 0;
    }
  }

  private requeueFirst(part: QueuedPart): void {
    part.requeues++;
    if (this.queueHead > 0) this.queue[--this.queueHead] = part;
    else this.queue.unshift(part);
  }

  private onSubmitDone(part: QueuedPart, response: SmppPdu | null, reason: string): void {
    this.schedulePump();
    if (!response) return part.job.lose(`submit_sm part ${part.index}/${part.job.total}: ${reason}`);
    const status = response.command_status;
    if (status === SMPP_STATUS.OK) {
      if (part.sentAt >= this.pausedUntil) this.pauseLevel = 0;
      return part.job.accept(part.index, canonicalSubmitId(String(response.message_id ?? ''), this.config.dlrIdFormat));
    }
    const name = smppStatusName(status);
    const action = classifySmppStatus(status);
    if (action === 'permanent') return part.job.fail(status, name);
    if (action === 'pause-link') this.pause(part.sentAt, name);
    // Parts of a long message are re-queued by the link: the SMSC refused them, so this cannot
    // duplicate, and returning the message would resend its accepted parts too.
    const mayRequeue = part.job.total > 1 && !part.job.stopSending && (action === 'pause-link' || part.requeues < MAX_PART_REQUEUES);
    if (mayRequeue && this.running === 'running') return this.requeueFirst(part);
    part.job.notSent(status, name);
  }

  private pause(sentAt: number, name: string): void {
    // Everything sent before this pause began belongs to the same burst: one answer escalates, not the whole window.
    if (sentAt < this.pauseStartedAt) return;
    const now = Date.now();
    this.pauseLevel++;
    const delay = Math.min(this.options.pauseMaxMs ?? 10_000, (this.options.pauseInitialMs ?? 250) * 2 ** (this.pauseLevel - 1));
    this.pauseStartedAt = now;
    this.pausedUntil = now + delay;
    this.pdus.pauses++;
    this.logger.warn(`${this.carrier} answered ${name}: pausing the link for ${delay} ms`);
  }

  private failUnsent(status: number | null, error: string): void {
    const parts = this.queue.slice(this.queueHead);
    this.queue = [];
    this.queueHead = 0;
    for (const part of parts) {
      if (part.job.stopSending) part.job.skip();
      else part.job.notSent(status, error);
    }
  }

  private async onDeliverSm(pdu: SmppPdu): Promise<number> {
    const options = { carrier: this.carrier, dlrIdFormat: this.config.dlrIdFormat, utcOffsetMinutes: this.options.receiptUtcOffsetMinutes ?? 420 };
    try {
      const content = parseDeliverSm(pdu, options);
      if (content.kind === 'receipt') {
        this.counters.receipts++;
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
    const now = Date.now();
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
    this.reconnectTimers.forEach(clearTimeout);
    this.reconnectTimers.clear();
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.wakeAt = Infinity;
    this.failUnsent(null, `link ${this.carrier} is stopping`);
    const deadline = Date.now() + (this.options.drainTimeoutMs ?? 5000);
    while (this.sessions.some((session) => session.submitsInFlight > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(this.sessions.map((session) => session.close(1000)));
    this.running = 'stopped';
    this.logger.log(`${this.carrier} link stopped`);
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
