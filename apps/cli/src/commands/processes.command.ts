import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiModule, configureApi } from '@loa/api';
import { carrierCertificates, carrierTps } from '@loa/campaigns';
import { loadCarriersFile } from '@loa/config';
import { syncProvinces } from '@loa/provinces';
import { carrierTextProfiles, registrationRequiredCarriers } from '@loa/templates';
import { DataSource } from 'typeorm';
import { LoaLogger, loggingModule } from '../logging';
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
        carrierCertificates: carrierCertificates(accounts),
        templateRegistration: registrationRequiredCarriers(accounts),
      }),
    ],
  })
  class ApiProcessModule {}
  const app = await NestFactory.create(ApiProcessModule, { bufferLogs: true });
  app.useLogger(app.get(LoaLogger));
  configureApi(app);
  try {
    await listenApi(app, runtime.env.port);
  } catch (error) {
    await app.close();
    throw error;
  }
  app.get(LoaLogger).log(`listening on port ${runtime.env.port} (dashboard at /, docs at /docs); database: ${runtime.database}`, 'loa api');
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
