import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ApiModule, configureApi } from '@loa/api';
import { carrierTps } from '@loa/campaigns';
import { ConfigError, loadCarriersFile } from '@loa/config';
import { DatabaseModule } from '@loa/database';
import { DispatcherModule } from '@loa/dispatcher';
import { syncProvinces } from '@loa/provinces';
import { carrierTextProfiles } from '@loa/templates';
import { DataSource } from 'typeorm';
import { loggingModule } from '../logging';
import { listenApi } from '../ports';
import { jwtSecret, openRuntime } from '../runtime';
import { onShutdownSignal } from '../shutdown';

/** `loa api`: the admin API alone (production: DATABASE_URL and JWT_SECRET set). */
export async function runApi(): Promise<void> {
  const runtime = await openRuntime({ migrate: false, needsDatabaseUrl: 'loa api' });
  const accounts = loadCarriersFile(runtime.env.carriersFile);
  const carriers = accounts.map((carrier) => carrier.id);
  @Module({
    imports: [
      loggingModule({ format: runtime.env.logFormat ?? 'json', level: runtime.env.logLevel }),
      ApiModule.forRoot({
        databaseUrl: runtime.databaseUrl,
        jwtSecret: jwtSecret(runtime.env, false),
        carriers,
        carrierTps: carrierTps(accounts),
        carrierTexts: carrierTextProfiles(accounts),
      }),
    ],
  })
  class ApiProcessModule {}
  const app = await NestFactory.create(ApiProcessModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApi(app);
  try {
    await listenApi(app, runtime.env.port);
  } catch (error) {
    await app.close();
    throw error;
  }
  app.get(Logger).log(`listening on port ${runtime.env.port} (dashboard at /, docs at /docs); database: ${runtime.database}`, 'loa api');
  onShutdownSignal(() => app.close());
}

/** `loa dispatcher`: one SMPP worker; run as many as the carriers' contracts allow. */
export async function runDispatcher(options: {
  leaseSeconds: number;
  unmatchedReceiptSeconds: number;
  retentionDays: number;
  maxBinds?: number;
}): Promise<void> {
  if (options.unmatchedReceiptSeconds <= options.leaseSeconds) {
    // A lost dispatcher's messages must be back in the queue, marked possibly sent, before the receipts of their copies retire.
    throw new ConfigError(`--unmatched-receipt-seconds (${options.unmatchedReceiptSeconds}) must be longer than --lease-seconds (${options.leaseSeconds})`);
  }
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
  app.useLogger(app.get(Logger));
  app.get(Logger).log(`dispatching for ${carriers.map((carrier) => carrier.id).join(', ')}; database: ${runtime.database}`, 'loa dispatcher');
  onShutdownSignal(() => app.close());
}

/** `loa migrate`: applies pending migrations and synchronises the province directory. */
export async function runMigrate(): Promise<void> {
  const runtime = await openRuntime({ migrate: true, log: (line) => process.stdout.write(line + '\n') });
  try {
    const db = new DataSource({ type: 'postgres', url: runtime.databaseUrl });
    await db.initialize();
    await syncProvinces(db);
    await db.destroy();
    process.stdout.write(`database is up to date: ${runtime.database}\n`);
  } finally {
    await runtime.close();
  }
}
