import { type Backoff, type ClockTimer, type TimerClock } from '@loa/common';
import { type OutboundSms, type SmppAccountConfig } from './carrier-link.types';
import { Fifo } from './fifo';
import { type LinkContext, type LinkLifecycle } from './link-context';
import { type LinkInbox } from './link-inbox';
import { type LinkSession } from './link-session';
import { type LinkStatusTracker } from './link-status-tracker';
import { type MessageJob } from './message-job';
import { type SmppPdu } from './smpp-package';
import { classifySmppStatus, SMPP_STATUS, smppStatusName } from './smpp-status';
import { canonicalSubmitId } from './smsc-message-id';
import { ThrottlePause } from './throttle-pause';
import { TpsLimiter } from './tps-limiter';

export interface PacingTimings {
  /** Pause after a throttled / queue-full answer, doubling per repeat. */
  pause: Backoff;
  /** How long a stop waits for outstanding submits and the rest of messages already begun. */
  drainTimeoutMs: number;
}

/** The sessions as pacing sees them (LinkSessions). */
export interface PduSenders {
  /** A bound session with room in its window, or none. */
  sender(): Pick<LinkSession, 'submit'> | undefined;
  readonly bound: number;
  readonly inFlight: number;
}

type QueueName = 'nextParts' | 'resends' | 'fresh';

/**
 * When each part goes: never above the account's TPS, never beyond a bind's window, not while the carrier
 * said to slow down; and what becomes of the parts waiting when the link pauses, withdraws or stops.
 */
export class LinkPacing {
  /**
   * Messages waiting to send their current part, one entry per message, served in this order: the next
   * part of a message the SMSC has earlier parts of (the handset holds them), a part to send again after
   * a throttled / queue-full pause, then the first part of a new message.
   */
  private readonly queues: Record<QueueName, Fifo<MessageJob>> = { nextParts: new Fifo(), resends: new Fifo(), fresh: new Fifo() };
  private readonly limiter: TpsLimiter;
  private readonly pause: ThrottlePause;
  private readonly config: SmppAccountConfig;
  private readonly lifecycle: LinkLifecycle;
  private readonly clock: TimerClock;
  private readonly status: LinkStatusTracker;
  /** While stopping, next parts are still sent until then. */
  private drainUntil = 0;
  private pumpScheduled = false;
  private wakeTimer?: ClockTimer;
  private wakeAt = Infinity;

  constructor(
    private readonly context: LinkContext,
    private readonly sessions: PduSenders,
    private readonly inbox: Pick<LinkInbox, 'lateResponse'>,
    private readonly timings: PacingTimings,
  ) {
    ({ config: this.config, lifecycle: this.lifecycle, clock: this.clock, status: this.status } = context);
    this.limiter = new TpsLimiter(this.config.tps);
    this.pause = new ThrottlePause(timings.pause);
  }

  /** Parts waiting for a window slot, a TPS token or the end of a pause. */
  get queued(): number {
    const { nextParts, resends, fresh } = this.queues;
    return nextParts.size + resends.size + fresh.size;
  }

  isPaused(now: number): boolean {
    return this.pause.until > now;
  }

  /** A new message: its first part waits behind next parts and resends. */
  enqueue(job: MessageJob): void {
    this.queues.fresh.push(job);
    this.schedulePump();
  }

  /** Takes back the waiting messages `shouldWithdraw` picks that have no part at the SMSC yet; returns how many. */
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

  /** Nothing waiting can go (no session bound): every queued message comes back not sent. */
  failAll(error: string): void {
    this.failQueued(['nextParts', 'resends', 'fresh'], error);
  }

  /** Runs the pump once on the next turn of the event loop, however often asked before. */
  schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /**
   * At stop: messages not begun come back at once; messages the SMSC has earlier parts of get the rest while
   * the window drains, for drainTimeoutMs at most (no orphan parts on a restart); then the rest come back.
   */
  async drain(error: string): Promise<void> {
    this.failQueued(['resends', 'fresh'], error);
    this.drainUntil = this.clock.now() + this.timings.drainTimeoutMs;
    while (this.hasDrainWork() && this.clock.now() < this.drainUntil) await new Promise((resolve) => setTimeout(resolve, 10));
    this.drainUntil = 0;
    this.clearWake();
    this.failQueued(['nextParts'], error);
  }

  private pump(): void {
    for (let queue = this.sendableQueue(); queue; queue = this.sendableQueue()) {
      const now = this.clock.now();
      if (this.pause.until > now) return this.wake(this.pause.until);
      const session = this.sessions.sender();
      if (!session) return; // a response or a new bind pumps again
      const wait = this.limiter.waitMs(now);
      if (wait > 0) return this.wake(now + wait);
      if (!this.send(session, queue.peek()!, now)) return;
      queue.shift();
      this.limiter.take(now);
      this.status.pdus.sent++;
    }
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

  private clearWake(): void {
    if (this.wakeTimer) this.clock.clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.wakeAt = Infinity;
  }

  /** While stopping, only messages the SMSC already has parts of get their next part. */
  private sendableQueue(): Fifo<MessageJob> | undefined {
    const { nextParts, resends, fresh } = this.queues;
    const { run } = this.lifecycle;
    if (run === 'stopped') return undefined;
    if (nextParts.size > 0) return nextParts;
    if (run !== 'running') return undefined;
    if (resends.size > 0) return resends;
    return fresh.size > 0 ? fresh : undefined;
  }

  private send(session: Pick<LinkSession, 'submit'>, job: MessageJob, sentAt: number): boolean {
    const { message } = job;
    const { part, fields } = job.current;
    return session.submit(
      fields,
      (response, reason) => this.onSubmitDone(job, sentAt, response, reason),
      (response) => this.inbox.lateResponse(message, part, job.totalParts, response),
    );
  }

  private onSubmitDone(job: MessageJob, sentAt: number, response: SmppPdu | null, reason: string): void {
    this.schedulePump();
    if (!response) return job.ambiguous(reason);
    const status = response.command_status;
    this.status.answer(status);
    if (status === SMPP_STATUS.OK) return this.onAccepted(job, sentAt, response);
    // The carrier's "text matches no registered template" answer is final whatever class its number has (0x45 at some SMSCs).
    const templateRefused = status === this.config.templateRefusedStatus;
    const name = templateRefused ? `template not registered, ${smppStatusName(status)}` : smppStatusName(status);
    this.status.error(`submit_sm answered ${name}`);
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
    this.pause.accepted(sentAt);
    if (!job.accept(canonicalSubmitId(String(response.message_id ?? ''), this.config.dlrIdFormat))) return;
    if (this.lifecycle.running || this.clock.now() < this.drainUntil) this.queues.nextParts.push(job);
    else job.notSent(null, `link ${this.config.id} is ${this.lifecycle.run}`);
  }

  /** Throttled / queue full: the SMSC did not take the part, so it goes again after the pause, as often as it takes. */
  private onThrottled(job: MessageJob, sentAt: number, status: number, name: string): void {
    const delay = this.pause.throttled(sentAt, this.clock.now());
    if (delay > 0) {
      this.status.pdus.pauses++;
      this.context.logger.warn(`${this.config.id} answered ${name}: pausing the link for ${delay} ms`);
    }
    if (this.lifecycle.running) this.queues.resends.push(job);
    else job.notSent(status, name);
  }

  private failQueued(queues: QueueName[], error: string): void {
    for (const name of queues) for (const job of this.queues[name].takeAll()) job.notSent(null, error);
  }

  private hasDrainWork(): boolean {
    return this.sessions.inFlight > 0 || (this.queues.nextParts.size > 0 && this.sessions.bound > 0);
  }
}
