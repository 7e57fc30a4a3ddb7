import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadCarriersFile, loadDefaults } from '@loa/config';
import { DatabaseModule } from '@loa/database';
import { DispatcherModule } from '@loa/dispatcher';
import { limitHeapGrowth } from '../heap-growth';
import { LoaLogger, loggingModule } from '../logging';
import { type DispatcherTimings } from '../preflight';
import { openRuntime } from '../runtime';
import { onShutdownSignal } from '../shutdown';

/** `loa dispatcher`: one SMPP worker; run as many as the carriers' contracts allow. Its timings as dispatcherTimings() checked them. */
export async function runDispatcher(options: Required<DispatcherTimings> & { retentionDays?: number; maxBinds?: number }): Promise<void> {
  limitHeapGrowth();
  const runtime = await openRuntime({ migrate: false, needsDatabaseUrl: 'loa dispatcher' });
  const carriers = loadCarriersFile(runtime.env.carriersFile);
  const dispatcher = {
    leaseSeconds: options.leaseSeconds,
    unmatchedReceiptSeconds: options.unmatchedReceiptSeconds,
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
