import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadCarriersFile, loadDefaults } from '@loa/config';
import { DatabaseModule } from '@loa/database';
import { DispatcherModule } from '@loa/dispatcher';
import { limitHeapGrowth } from '../heap-growth';
import { LoaLogger, loggingModule } from '../logging';
import { openRuntime } from '../runtime';
import { onShutdownSignal } from '../shutdown';

/** The options `loa dispatcher` and `loa start` (its own dispatcher) share; those left out come from config/defaults.json. */
export interface DispatcherTimings {
  leaseSeconds?: number;
  unmatchedReceiptSeconds?: number;
}

/** The lease and the unmatched-receipt wait to run with: the flags given, else the defaults; the wait must outlast the lease. */
export function dispatcherTimings(flags: DispatcherTimings): Required<DispatcherTimings> {
  const defaults = loadDefaults().dispatcher;
  const leaseSeconds = flags.leaseSeconds ?? defaults.leaseSeconds;
  const unmatchedReceiptSeconds = flags.unmatchedReceiptSeconds ?? defaults.unmatchedReceiptSeconds;
  if (unmatchedReceiptSeconds <= leaseSeconds) {
    // A lost dispatcher's messages must be back in the queue, marked possibly sent, before the receipts of their copies retire.
    const named = (flag: string, key: string, value: number, given: boolean) =>
      given ? `--${flag} (${value})` : `dispatcher.${key} in config/defaults.json (${value})`;
    const wait = named('unmatched-receipt-seconds', 'unmatchedReceiptSeconds', unmatchedReceiptSeconds, flags.unmatchedReceiptSeconds !== undefined);
    const lease = named('lease-seconds', 'leaseSeconds', leaseSeconds, flags.leaseSeconds !== undefined);
    throw new ConfigError(`${wait} must be longer than ${lease}`);
  }
  return { leaseSeconds, unmatchedReceiptSeconds };
}

/** `loa dispatcher`: one SMPP worker; run as many as the carriers' contracts allow. */
export async function runDispatcher(options: DispatcherTimings & { retentionDays?: number; maxBinds?: number }): Promise<void> {
  const timings = dispatcherTimings(options);
  limitHeapGrowth();
  const runtime = await openRuntime({ migrate: false, needsDatabaseUrl: 'loa dispatcher' });
  const carriers = loadCarriersFile(runtime.env.carriersFile);
  const dispatcher = {
    ...timings,
    retentionDays: options.retentionDays ?? loadDefaults().dispatcher.retentionDays,
    maxBindsPerCarrier: options.maxBinds ?? Number.POSITIVE_INFINITY,
  };
  @Module({
    imports: [
      loggingModule({ format: runtime.env.logFormat ?? 'json', level: runtime.env.logLevel }),
      DatabaseModule.forRoot({ url: runtime.databaseUrl }),
      DispatcherModule.forRoot({ carriers, dispatcher }),
    ],
  })
  class DispatcherProcessModule {}
  const app = await NestFactory.createApplicationContext(DispatcherProcessModule, { bufferLogs: true });
  app.useLogger(app.get(LoaLogger));
  app.get(LoaLogger).log(`dispatching for ${carriers.map((carrier) => carrier.id).join(', ')}; database: ${runtime.database}`, 'loa dispatcher');
  onShutdownSignal(() => app.close());
}
