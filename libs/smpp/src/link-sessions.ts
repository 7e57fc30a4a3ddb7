import { type Backoff, backoffDelay, type ClockTimer } from '@loa/common';
import { type SmppAccountConfig } from './carrier-link.types';
import { type LinkContext } from './link-context';
import { LinkSession, type SessionRole } from './link-session';
import { type SmppPdu } from './smpp-package';

/** What the sessions tell the rest of the link. */
export interface SessionEvents {
  /** A session bound (for the first time or again): its window is open. */
  bound(): void;
  /** A bind failed while no session is bound: nothing waiting can go. */
  allDown(reason: string): void;
  /** A bound session went down; its pending submits have already been answered. */
  lost(): void;
  /** Resolves with the command_status to answer the deliver_sm with (called as a plain function, unbound). */
  readonly deliverSm: (pdu: SmppPdu) => Promise<number>;
}

export interface SessionTimings {
  /** Reconnect delay per failed attempt, jittered. */
  reconnect: Backoff;
  /** How long, and how many at most per connection, expired submits are kept for a late answer. */
  lateAnswerKeepMs: number;
  lateAnswerKeepMax: number;
  random?: () => number;
}

/** The binds of one carrier account: opening them, reconnecting each with backoff on the link's clock, closing them. */
export class LinkSessions {
  private readonly sessions: LinkSession[];
  private readonly reconnectTimers = new Set<ClockTimer>();
  private readonly attempts = new Map<LinkSession, number>();
  /** Outstanding submits per bind. */
  private readonly window: number;
  private lastBindFailed = false;
  private nextSender = 0;

  constructor(
    private readonly context: LinkContext,
    private readonly timings: SessionTimings,
    private readonly events: SessionEvents,
  ) {
    const { config } = context;
    this.window = config.window;
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
            bindTimeoutMs: config.bindTimeoutSeconds * 1000,
            requestTimeoutMs: config.requestTimeoutSeconds * 1000,
            enquireLinkMs: config.enquireLinkSeconds * 1000,
            lateAnswerKeepMs: timings.lateAnswerKeepMs,
            lateAnswerKeepMax: timings.lateAnswerKeepMax,
          },
          { deliverSm: events.deliverSm, down: (session, reason) => this.onSessionDown(session, reason) },
        ),
    );
  }

  /** Binds every session; rejects only when none could bind, and then keeps retrying in the background. */
  async open(): Promise<void> {
    const results = await Promise.allSettled(this.sessions.map((session) => this.connect(session)));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure && results.every((result) => result.status === 'rejected')) throw failure.reason;
  }

  get bound(): number {
    let bound = 0;
    for (const session of this.sessions) if (session.state === 'bound') bound++;
    return bound;
  }

  get inFlight(): number {
    let inFlight = 0;
    for (const session of this.sessions) inFlight += session.submitsInFlight;
    return inFlight;
  }

  /** The last bind failed and no session is bound: a submit now would wait for nothing. */
  get down(): boolean {
    return this.lastBindFailed && this.bound === 0;
  }

  /** The next bound sending session with room in its window, round robin; none when every window is full. */
  sender(): LinkSession | undefined {
    const { sessions } = this;
    const count = sessions.length;
    for (let offset = 0; offset < count; offset++) {
      const session = sessions[(this.nextSender + offset) % count];
      if (session.canSubmit && session.state === 'bound' && session.submitsInFlight < this.window) {
        this.nextSender = (this.nextSender + offset + 1) % count;
        return session;
      }
    }
    return undefined;
  }

  stopReconnecting(): void {
    this.reconnectTimers.forEach((timer) => this.context.clock.clearTimeout(timer));
    this.reconnectTimers.clear();
  }

  /** Unbinds and closes every session. */
  async close(): Promise<void> {
    await Promise.all(this.sessions.map((session) => session.close(1000)));
  }

  private async connect(session: LinkSession): Promise<void> {
    const { config, lifecycle, status, logger } = this.context;
    const wasBound = session.everBound;
    try {
      await session.open();
    } catch (error) {
      const message = (error as Error).message;
      this.lastBindFailed = true;
      status.error(message);
      logger.error(message);
      if (this.bound === 0) this.events.allDown(`link ${config.id} is down: ${message}`);
      this.scheduleReconnect(session);
      throw error;
    }
    if (!lifecycle.running) return void session.close(1000);
    this.lastBindFailed = false;
    this.attempts.set(session, 0);
    if (wasBound) status.counters.reconnects++;
    logger.log(`${session.target.bindCommand} ${session.label} bound to ${config.host}:${config.port} as system_id "${config.systemId}"`);
    this.events.bound();
  }

  private scheduleReconnect(session: LinkSession): void {
    const { lifecycle, clock } = this.context;
    if (!lifecycle.running) return;
    const attempt = this.attempts.get(session) ?? 0;
    this.attempts.set(session, attempt + 1);
    const delay = backoffDelay(this.timings.reconnect, attempt, this.timings.random);
    const timer = clock.setTimeout(() => {
      this.reconnectTimers.delete(timer);
      this.connect(session).catch(() => undefined);
    }, delay);
    this.reconnectTimers.add(timer);
  }

  private onSessionDown(session: LinkSession, reason: string): void {
    const { lifecycle, status, logger } = this.context;
    if (!lifecycle.running) return;
    status.error(`${session.label} lost: ${reason}`);
    logger.warn(`${session.label} lost: ${reason}; reconnecting`);
    this.scheduleReconnect(session);
    this.events.lost();
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
