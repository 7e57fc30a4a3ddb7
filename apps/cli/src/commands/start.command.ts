import { type INestApplication, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApiModule, configureApi } from '@loa/api';
import { AuthService } from '@loa/auth';
import { carrierTps } from '@loa/campaigns';
import { type CarrierAccount, loadCarriersFile } from '@loa/config';
import { DatabaseModule } from '@loa/database';
import { DEMO_USERS, isDemoSeeded, seedDemo } from '@loa/demo';
import { DispatcherModule } from '@loa/dispatcher';
import { syncProvinces } from '@loa/provinces';
import { startSimulators } from '@loa/smsc-simulator';
import { jwtSecret, openRuntime } from '../runtime';
import { onShutdownSignal } from '../shutdown';

const logger = new Logger('loa start');

/** All-in-one: database (embedded unless DATABASE_URL), demo data, simulated carriers, dispatcher and API. */
export async function startAllInOne(): Promise<void> {
  const startedAt = Date.now();
  const runtime = await openRuntime({ migrate: true, log: (line) => logger.log(line) });
  const carriers = loadCarriersFile(runtime.env.carriersFile);
  const simulators = await startSimulators(simulatedEntries(carriers));
  const app = await NestFactory.create(allInOneModule(runtime.databaseUrl, jwtSecret(runtime.env, true), carriers), { bufferLogs: false });
  configureApi(app);
  const demo = await prepareData(app, runtime.embedded, runtime.env.demoPassword, runtime.env.demoSubscribers);
  await app.listen(runtime.env.port, '127.0.0.1');
  printWelcome(runtime.env.port, demo ? runtime.env.demoPassword : null, Date.now() - startedAt);
  onShutdownSignal(async () => {
    await app.close();
    await simulators.stop();
    await runtime.close();
  });
}

function allInOneModule(databaseUrl: string, secret: string, carriers: CarrierAccount[]) {
  @Module({
    imports: [
      DatabaseModule.forRoot({ url: databaseUrl, poolSize: 16 }),
      ApiModule.forRoot(
        { databaseUrl, jwtSecret: secret, carriers: carriers.map((carrier) => carrier.id), carrierTps: carrierTps(carriers) },
        { withDatabase: false },
      ),
      DispatcherModule.forRoot({ carriers }),
    ],
  })
  class AllInOneModule {}
  return AllInOneModule;
}

function simulatedEntries(carriers: CarrierAccount[]) {
  return carriers
    .filter((carrier) => carrier.simulated)
    .map((carrier) => ({ profile: carrier.simulatorProfile, port: carrier.port, accounts: [{ systemId: carrier.systemId, password: carrier.password }] }));
}

/** Provinces always; demo users and subscribers only in demo mode, and only on the first run. */
async function prepareData(app: INestApplication, demoMode: boolean, password: string, subscribers: number): Promise<boolean> {
  const db = app.get(DataSource);
  await syncProvinces(db);
  if (!demoMode) return false;
  if (!(await isDemoSeeded(db))) {
    logger.log(`first run: seeding demo users and ${subscribers.toLocaleString('en')} synthetic subscribers`);
    await seedDemo(db, app.get(AuthService), { password, subscribers });
  }
  return true;
}

function printWelcome(port: number, demoPassword: string | null, elapsedMs: number): void {
  const base = `http://127.0.0.1:${port}`;
  const lines = ['', `Loa is running (started in ${(elapsedMs / 1000).toFixed(1)} s)`, `  API:      ${base}`, `  API docs: ${base}/docs`];
  if (demoPassword) {
    lines.push(`  Demo logins (password: ${demoPassword}): ${DEMO_USERS.map((user) => user.username).join(', ')}`);
    lines.push(`  Try: curl -s ${base}/auth/login -H 'content-type: application/json' -d '{"username":"demo-drafter","password":"${demoPassword}"}'`);
  }
  lines.push('  Ctrl-C stops everything.', '');
  process.stdout.write(lines.join('\n') + '\n');
}
