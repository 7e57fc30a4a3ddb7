import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadCarriersFile } from '@loa/config';
import { DatabaseModule } from '@loa/database';
import { DispatcherModule } from '@loa/dispatcher';
import { limitHeapGrowth } from '../heap-growth';
import { LoaLogger, loggingModule } from '../logging';
import { openRuntime } from '../runtime';
import { onShutdownSignal } from '../shutdown';

/** The options `loa dispatcher` and `loa start` (its own dispatcher) share. */
export interface DispatcherTimings {
  leaseSeconds: number;
  unmatchedReceiptSeconds: number;
}

export function checkDispatcherTimings(options: DispatcherTimings): void {
  if (options.unmatchedReceiptSeconds <= options.leaseSeconds) {
    // A lost dispatcher's messages must be back in the queue, marked possibly sent, before the receipts of their copies retire.
    throw new ConfigError(`--unmatched-receipt-seconds (${options.unmatchedReceiptSeconds}) must be longer than --lease-seconds (${options.leaseSeconds})`);
  }
}

/** `loa dispatcher`: one SMPP worker; run as many as the carriers' contracts allow. */
export async function runDispatcher(options: DispatcherTimings & { retentionDays: number; maxBinds?: number }): Promise<void> {
  checkDispatcherTimings(options);
  limitHeapGrowth();
  const runtime = await openRuntime({ migrate: false, needsDatabaseUrl: 'loa dispatcher' });
  const carriers = loadCarriersFile(runtime.env.carriersFile);
  const dispatcher = {
    leaseSeconds: options.leaseSeconds,
    unmatchedReceiptSeconds: options.unmatchedReceiptSeconds,
    retentionDays: options.retentionDays,
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
