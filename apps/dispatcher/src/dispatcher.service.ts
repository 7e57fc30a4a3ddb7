import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { TestSendsRepository } from '@loa/campaigns';
import { type CarrierAccount } from '@loa/config';
import { openConnections } from '@loa/database';
import {
  BindSlotsRepository,
  DispatchWakeups,
  type LinkStatusReport,
  LinkStatusRepository,
  MessageQueueRepository,
  OutcomesRepository,
  ReceiptsRepository,
} from '@loa/delivery';
import { CarrierLink } from '@loa/smpp';
import { DataSource } from 'typeorm';
import { CarrierDispatcher, dispatcherOptions, type DispatcherOptions, type DispatcherSettings } from '@loa/dispatching';

export const CARRIER_ACCOUNTS = Symbol('CARRIER_ACCOUNTS');
export const DISPATCHER_OPTIONS = Symbol('DISPATCHER_OPTIONS');

/**
 * One CarrierDispatcher per carrier account whose bind slots this process holds, started with the
 * process and drained on shutdown. Slots are advisory locks, so several dispatchers on several machines
 * share a contract's binds and TPS; one that holds none stands by and takes over what a dead one freed.
 * Writes its links' status to PostgreSQL every few seconds, where APIs on other machines read it.
 */
@Injectable()
export class DispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  /** Unique per process, even for several dispatchers in one process (tests) or a reused pid. */
  private readonly dispatcherId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly logger = new Logger(DispatcherService.name);
  private readonly options: DispatcherOptions;
  /** Per carrier account: its dispatcher and the bind slots it sends on. */
  private readonly dispatchers = new Map<string, RunningLink>();
  private tickTimer?: NodeJS.Timeout;
  private tick: Promise<void> | null = null;
  private shuttingDown = false;
  private readonly drainedListeners: (() => void)[] = [];

  constructor(
    @Inject(CARRIER_ACCOUNTS) private readonly accounts: CarrierAccount[],
    @Inject(DISPATCHER_OPTIONS) options: DispatcherSettings,
    private readonly queue: MessageQueueRepository,
    private readonly outcomes: OutcomesRepository,
    private readonly receipts: ReceiptsRepository,
    private readonly linkStatuses: LinkStatusRepository,
    private readonly bindSlots: BindSlotsRepository,
    private readonly testSends: TestSendsRepository,
    private readonly wakeups: DispatchWakeups,
    private readonly db: DataSource,
  ) {
    this.options = dispatcherOptions(options);
    this.bindSlots.joinFleets(accounts.map((account) => account.id));
    this.bindSlots.onConnectionLost(() => {
      this.logger.warn('the connection holding the bind slots broke: checking the slots now');
      void this.runTick();
    });
  }

  /** `listener` runs whenever a link has written the outcomes of everything it had: its campaigns may have just finished. */
  onLinkDrained(listener: () => void): void {
    this.drainedListeners.push(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    await openConnections(this.db).catch((error: Error) => this.logger.warn(`database connections not opened ahead (${error.message})`));
    await this.runTick();
    this.logger.log(`dispatcher ${this.dispatcherId}: sending to ${[...this.dispatchers.keys()].join(', ') || 'no carrier yet (standing by)'}`);
    this.tickTimer = setInterval(() => void this.runTick(), this.options.statusIntervalMs);
    this.tickTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.tickTimer);
    await this.tick;
    await this.wakeups.close();
    await this.stopAll(this.options.shutdownRecordWithinMs);
    await this.bindSlots.releaseAll();
    await this.linkStatuses.remove(this.dispatcherId).catch((error: Error) => this.logger.warn(`link status cleanup: ${error.message}`));
  }

  /** Takes free bind slots, then reports the links; a slow database skips a tick instead of stacking them. */
  private runTick(): Promise<void> {
    if (this.shuttingDown) return Promise.resolve();
    this.tick ??= this.claimAndReport().finally(() => (this.tick = null));
    return this.tick;
  }

  private async claimAndReport(): Promise<void> {
    await this.listenForWork();
    try {
      await this.checkSlotsHeld();
      for (const account of this.accounts) if (!this.dispatchers.has(account.id)) await this.startWithFreeSlots(account);
      await this.giveBackBeyondShare();
      await this.linkStatuses.write(this.dispatcherId, [...this.dispatchers.values()].map(toReport));
    } catch (error) {
      this.logger.warn(`bind slots and link status: ${(error as Error).message}`);
    }
  }

  /** Idle links claim as soon as work is committed; without the listening connection they find it by polling. */
  private async listenForWork(): Promise<void> {
    try {
      await this.wakeups.listen(() => {
        for (const { dispatcher } of this.dispatchers.values()) dispatcher.wake();
      });
    } catch (error) {
      this.logger.warn(`not listening for new work (${(error as Error).message}): idle links poll every ${this.options.idleMs} ms`);
    }
  }

  /** A lost lock connection has freed this dispatcher's slots for others: stop sending at once. */
  private async checkSlotsHeld(): Promise<void> {
    if (this.dispatchers.size === 0) return;
    const held = await this.bindSlots.held().catch(() => 0);
    if (held > 0) return;
    this.logger.error('the connection holding the bind slots is gone: stopping every link until slots are taken again');
    try {
      await this.stopAll();
    } finally {
      await this.bindSlots.releaseAll();
    }
  }

  private async startWithFreeSlots(account: CarrierAccount): Promise<void> {
    const share = Math.ceil(account.binds / (await this.bindSlots.fleetSize(account.id)));
    const slots = await this.bindSlots.acquire(account.id, account.binds, Math.min(share, this.options.maxBindsPerCarrier));
    if (slots.length > 0) await this.startOn(account, slots);
  }

  private async startOn(account: CarrierAccount, slots: number[]): Promise<void> {
    // Each slot carries its share of the account's TPS, so the fleet together never exceeds it.
    const tps = Math.max(1, Math.floor((account.tps * slots.length) / account.binds));
    const window = account.window * slots.length;
    const link = new CarrierLink({ ...account, binds: slots.length, tps }, { ...this.options.link, logger: new Logger(`CarrierLink:${account.id}`) });
    const dispatcher = new CarrierDispatcher(
      link,
      { queue: this.queue, outcomes: this.outcomes, receipts: this.receipts },
      this.options,
      { resendParts: account.resendParts, window },
      this.testSends,
      () => {
        for (const listener of this.drainedListeners) listener();
      },
    );
    this.dispatchers.set(account.id, { dispatcher, slots, tps, window });
    this.logger.log(`${account.id}: bind slots ${slots.join(', ')} of ${account.binds}, ${tps} of ${account.tps} submits/s`);
    await dispatcher.start();
  }

  /**
   * When dispatchers join, each holding more than its share of an account's binds (ceil(binds / fleet))
   * gives the rest back, so the newcomers take them: binds and TPS spread over the fleet. The link restarts
   * on fewer sessions (its window drained, queued parts requeued without using an attempt).
   */
  private async giveBackBeyondShare(): Promise<void> {
    for (const account of this.accounts) {
      const running = this.dispatchers.get(account.id);
      if (!running || running.slots.length <= 1) continue;
      const fleet = await this.bindSlots.fleetSize(account.id);
      const share = Math.ceil(account.binds / fleet);
      if (running.slots.length <= share) continue;
      const [keep, giveBack] = [running.slots.slice(0, share), running.slots.slice(share)];
      this.logger.log(`${account.id}: ${fleet} dispatchers running, giving back bind slots ${giveBack.join(', ')}`);
      this.dispatchers.delete(account.id);
      await running.dispatcher.stop();
      await this.bindSlots.release(account.id, giveBack);
      await this.startOn(account, keep);
    }
  }

  private async stopAll(recordWithinMs?: number): Promise<void> {
    const running = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(running.map(({ dispatcher }) => dispatcher.stop(recordWithinMs)));
  }
}

interface RunningLink {
  dispatcher: CarrierDispatcher;
  slots: number[];
  tps: number;
  window: number;
}

function toReport({ dispatcher, tps, window }: RunningLink): LinkStatusReport {
  const { carrier, state, boundSessions, inFlight, queued, counters, pdus, answers, receiptStates, lastError } = dispatcher.linkStatus();
  return {
    carrier,
    state,
    boundSessions,
    inFlight,
    queued: queued ?? 0,
    counters,
    details: { tps, window, pdusSent: pdus?.sent ?? 0, throttlePauses: pdus?.pauses ?? 0, answers, receiptStates, lastError },
  };
}
