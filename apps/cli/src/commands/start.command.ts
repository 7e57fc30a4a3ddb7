import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApiModule, configureApi } from '@loa/api';
import { AuthService } from '@loa/auth';
import { carrierCertificates, carrierTps } from '@loa/campaigns';
import { type CarrierAccount, loadCarriersFile, loadEnvironment } from '@loa/config';
import { DatabaseModule } from '@loa/database';
import { DEMO_USERS, isDemoSeeded, seedDemo } from '@loa/demo';
import { DispatcherModule } from '@loa/dispatcher';
import { syncProvinces } from '@loa/provinces';
import { type RunningSimulators } from '@loa/smsc-simulator';
import { carrierTextProfiles, registrationRequiredCarriers } from '@loa/templates';
import { LoaLogger, loggingModule } from '../logging';
import { listenApi, startSimulatedCarriers } from '../ports';
import { jwtSecret, openRuntime, type Runtime } from '../runtime';
import { onShutdownSignal } from '../shutdown';
import { limitHeapGrowth } from '../heap-growth';
import { type DispatcherTimings } from '../preflight';

/** All-in-one: database (embedded unless DATABASE_URL), demo data, simulated carriers, dispatcher and API. */
export async function startAllInOne(timings: Required<DispatcherTimings>): Promise<void> {
  limitHeapGrowth(); // the all-in-one sends messages too
  const startedAt = Date.now();
  const early: string[] = [];
  // The carriers file is checked before the database starts: a typo in it is said at once.
  const carriers = loadCarriersFile(loadEnvironment().carriersFile);
  const runtime = await openRuntime({ migrate: true, exclusive: true, log: (line) => early.push(line) });
  let simulators: RunningSimulators | undefined;
  let app: INestApplication | undefined;
  try {
    simulators = await startSimulatedCarriers(
      carriers.filter((carrier) => carrier.simulated),
      runtime.env.carriersFile,
    );
    app = await NestFactory.create(allInOneModule(runtime, carriers, timings), { bufferLogs: true });
    const logger = app.get(LoaLogger);
    app.useLogger(logger);
    configureApi(app);
    logger.log(`database: ${runtime.database}`, 'loa start');
    for (const line of early) logger.log(line, 'loa start');
    const demo = await prepareData(app, logger, runtime.embedded, runtime.env.demoPassword, runtime.env.demoSubscribers);
    await listenApi(app, runtime.env.port, '127.0.0.1');
    printWelcome(runtime.env.port, demo ? runtime.env.demoPassword : null, Date.now() - startedAt);
  } catch (error) {
    await stopInOrder(app, simulators, runtime);
    throw error;
  }
  onShutdownSignal(() => stopInOrder(app, simulators, runtime));
}

/** The API and the dispatcher first (stop claiming, drain the windows, unbind, release leases), then the SMSCs, then PostgreSQL. */
async function stopInOrder(app: INestApplication | undefined, simulators: RunningSimulators | undefined, runtime: Runtime): Promise<void> {
  await app?.close();
  await simulators?.stop();
  await runtime.close();
}

function allInOneModule(runtime: Runtime, carriers: CarrierAccount[], timings: Required<DispatcherTimings>) {
  const databaseUrl = runtime.databaseUrl;
  @Module({
    imports: [
      loggingModule({ format: runtime.env.logFormat ?? 'pretty', level: runtime.env.logLevel }),
      DatabaseModule.forRoot({ url: databaseUrl, poolSize: 16 }),
      ApiModule.forRoot(
        {
          databaseUrl,
          jwtSecret: jwtSecret(runtime.env, true),
          carriers: carriers.map((carrier) => carrier.id),
          carrierTps: carrierTps(carriers),
          carrierTexts: carrierTextProfiles(carriers),
          carrierCertificates: carrierCertificates(carriers),
          templateRegistration: registrationRequiredCarriers(carriers),
        },
        { withDatabase: false },
      ),
      DispatcherModule.forRoot({ carriers, dispatcher: timings }),
    ],
  })
  class AllInOneModule {}
  return AllInOneModule;
}

/** Provinces always; demo users and subscribers only in demo mode, and only on the first run. */
async function prepareData(app: INestApplication, logger: LoaLogger, demoMode: boolean, password: string, subscribers: number): Promise<boolean> {
  const db = app.get(DataSource);
  await syncProvinces(db);
  if (!demoMode) return false;
  if (!(await isDemoSeeded(db))) {
    logger.log(`first run: seeding demo users and ${subscribers.toLocaleString('en')} synthetic subscribers`, 'loa start');
    const demoHotlines = await seedDemo(db, app.get(AuthService), { password, subscribers });
    if (demoHotlines.length > 0) {
      logger.log(`demo hotlines 0000.000.0NN (not real numbers) for the ${demoHotlines.length} provinces with none on record`, 'loa start');
    }
  }
  return true;
}

function printWelcome(port: number, demoPassword: string | null, elapsedMs: number): void {
  const base = `http://127.0.0.1:${port}`;
  const lines = [
    '',
    `Loa is running (started in ${(elapsedMs / 1000).toFixed(1)} s)`,
    `  Dashboard: ${base}/`,
    `  API:       ${base}`,
    `  API docs:  ${base}/docs`,
  ];
  if (demoPassword) {
    lines.push(`  Demo logins (password: ${demoPassword}): ${DEMO_USERS.map((user) => user.username).join(', ')}`);
    lines.push(`  Try: curl -s ${base}/auth/login -H 'content-type: application/json' -d '{"username":"demo-drafter","password":"${demoPassword}"}'`);
  }
  lines.push('  Ctrl-C stops everything.', '');
  process.stdout.write(lines.join('\n') + '\n');
}
