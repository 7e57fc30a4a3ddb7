import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type CarrierAccount } from '@loa/config';
import { DeliveryRepository, type LinkStatusReport, LinkStatusRepository } from '@loa/delivery';
import { CarrierLink } from '@loa/smpp';
import { CarrierDispatcher, DEFAULT_DISPATCHER_OPTIONS, type DispatcherOptions } from './carrier-dispatcher';

export const CARRIER_ACCOUNTS = Symbol('CARRIER_ACCOUNTS');
export const DISPATCHER_OPTIONS = Symbol('DISPATCHER_OPTIONS');

/**
 * One CarrierDispatcher per carrier account, started with the process and drained on shutdown.
 * Writes its links' status to PostgreSQL every few seconds, where APIs on other machines read it.
 */
@Injectable()
export class DispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  /** Unique per process, even for several dispatchers in one process (tests) or a reused pid. */
  private readonly dispatcherId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly logger = new Logger(DispatcherService.name);
  private readonly dispatchers: CarrierDispatcher[];
  private readonly statusIntervalMs: number;
  private statusTimer?: NodeJS.Timeout;
  private statusWrite: Promise<void> | null = null;

  constructor(
    @Inject(CARRIER_ACCOUNTS) accounts: CarrierAccount[],
    @Inject(DISPATCHER_OPTIONS) options: Partial<DispatcherOptions>,
    delivery: DeliveryRepository,
    private readonly linkStatuses: LinkStatusRepository,
  ) {
    const effective = { ...DEFAULT_DISPATCHER_OPTIONS, ...options };
    this.statusIntervalMs = effective.statusIntervalMs;
    this.dispatchers = accounts.map((account) => new CarrierDispatcher(new CarrierLink(account), delivery, effective));
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.dispatchers.map((dispatcher) => dispatcher.start()));
    this.logger.log(`dispatching to ${this.dispatchers.length} carrier accounts as ${this.dispatcherId}`);
    this.reportStatus();
    this.statusTimer = setInterval(() => this.reportStatus(), this.statusIntervalMs);
    this.statusTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.statusTimer);
    await this.statusWrite;
    await Promise.all(this.dispatchers.map((dispatcher) => dispatcher.stop()));
    await this.linkStatuses.remove(this.dispatcherId).catch((error: Error) => this.logger.warn(`link status cleanup: ${error.message}`));
  }

  private reportStatus(): void {
    // A slow database must not stack writes up: skip the tick while the previous write runs.
    if (this.statusWrite) return;
    this.statusWrite = this.writeStatus().finally(() => (this.statusWrite = null));
  }

  private async writeStatus(): Promise<void> {
    try {
      await this.linkStatuses.write(this.dispatcherId, this.dispatchers.map((dispatcher) => toReport(dispatcher)));
    } catch (error) {
      this.logger.warn(`link status write: ${(error as Error).message}`);
    }
  }
}

function toReport(dispatcher: CarrierDispatcher): LinkStatusReport {
  const { carrier, state, boundSessions, inFlight, queued, counters } = dispatcher.linkStatus();
  return { carrier, state, boundSessions, inFlight, queued: queued ?? 0, counters };
}
