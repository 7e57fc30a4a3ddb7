import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiModule, configureApi } from '@loa/api';
import { carrierTps } from '@loa/campaigns';
import { ConfigError, loadCarriersFile } from '@loa/config';
import { DatabaseModule } from '@loa/database';
import { DispatcherModule } from '@loa/dispatcher';
import { syncProvinces } from '@loa/provinces';
import { DataSource } from 'typeorm';
import { jwtSecret, openRuntime } from '../runtime';
import { onShutdownSignal } from '../shutdown';

/** `loa api`: the admin API alone (production: DATABASE_URL and JWT_SECRET set). */
export async function runApi(): Promise<void> {
  const runtime = await openRuntime({ migrate: false });
  const accounts = loadCarriersFile(runtime.env.carriersFile);
  const carriers = accounts.map((carrier) => carrier.id);
  const app = await NestFactory.create(
    ApiModule.forRoot({ databaseUrl: runtime.databaseUrl, jwtSecret: jwtSecret(runtime.env, runtime.embedded), carriers, carrierTps: carrierTps(accounts) }),
  );
  configureApi(app);
  await app.listen(runtime.env.port);
  new Logger('loa api').log(`listening on port ${runtime.env.port}; docs at /docs`);
  onShutdownSignal(async () => {
    await app.close();
    await runtime.close();
  });
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
  const runtime = await openRuntime({ migrate: false });
  const carriers = loadCarriersFile(runtime.env.carriersFile);
  const dispatcher = {
    leaseSeconds: options.leaseSeconds,
    unmatchedReceiptSeconds: options.unmatchedReceiptSeconds,
    retentionDays: options.retentionDays,
    maxBindsPerCarrier: options.maxBinds ?? Number.POSITIVE_INFINITY,
  };
  @Module({ imports: [DatabaseModule.forRoot({ url: runtime.databaseUrl }), DispatcherModule.forRoot({ carriers, dispatcher })] })
  class DispatcherProcessModule {}
  const app = await NestFactory.createApplicationContext(DispatcherProcessModule);
  new Logger('loa dispatcher').log(`dispatching for ${carriers.map((carrier) => carrier.id).join(', ')}`);
  onShutdownSignal(async () => {
    await app.close();
    await runtime.close();
  });
}

/** `loa migrate`: applies pending migrations and synchronises the province directory. */
export async function runMigrate(): Promise<void> {
  const runtime = await openRuntime({ migrate: true, log: (line) => process.stdout.write(line + '\n') });
  try {
    const db = new DataSource({ type: 'postgres', url: runtime.databaseUrl });
    await db.initialize();
    await syncProvinces(db);
    await db.destroy();
    process.stdout.write('database is up to date\n');
  } finally {
    await runtime.close();
  }
}
