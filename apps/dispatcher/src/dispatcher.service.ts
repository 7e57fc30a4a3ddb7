import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type CarrierAccount } from '@loa/config';
import { DeliveryRepository } from '@loa/delivery';
import { CarrierLink } from '@loa/smpp';
import { CarrierDispatcher, DEFAULT_DISPATCHER_OPTIONS, type DispatcherOptions } from './carrier-dispatcher';

export const CARRIER_ACCOUNTS = Symbol('CARRIER_ACCOUNTS');
export const DISPATCHER_OPTIONS = Symbol('DISPATCHER_OPTIONS');

/** One CarrierDispatcher per carrier account, started with the process and drained on shutdown. */
@Injectable()
export class DispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DispatcherService.name);
  private readonly dispatchers: CarrierDispatcher[];

  constructor(
    @Inject(CARRIER_ACCOUNTS) accounts: CarrierAccount[],
    @Inject(DISPATCHER_OPTIONS) options: Partial<DispatcherOptions>,
    delivery: DeliveryRepository,
  ) {
    this.dispatchers = accounts.map(
      (account) => new CarrierDispatcher(new CarrierLink(account), delivery, { ...DEFAULT_DISPATCHER_OPTIONS, ...options }),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.dispatchers.map((dispatcher) => dispatcher.start()));
    this.logger.log(`dispatching to ${this.dispatchers.length} carrier accounts`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.dispatchers.map((dispatcher) => dispatcher.stop()));
  }
}
