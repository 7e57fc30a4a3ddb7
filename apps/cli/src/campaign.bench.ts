import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuthService, type AuthUser } from '@loa/auth';
import { type BenchContext, type Benchmark } from '@loa/bench';
import { CampaignsModule, CampaignsService } from '@loa/campaigns';
import { AuthModule } from '@loa/auth';
import { type CarrierAccount } from '@loa/config';
import { DatabaseModule } from '@loa/database';
import { seedDemo } from '@loa/demo';
import { DispatcherModule } from '@loa/dispatcher';
import { syncProvinces } from '@loa/provinces';
import { SmscSimulator } from '@loa/smsc-simulator';
import { TemplatesModule, TemplatesService } from '@loa/templates';

const MESSAGES = 50_000;
const CARRIERS = ['viettel', 'vnpt', 'mobifone'] as const;

/** Issue 2's figure: one campaign of 50,000 messages through materialisation, SMPP and receipts. */
export const campaignBenchmarks: Benchmark[] = [
  {
    name: 'campaign.end-to-end',
    description: `one campaign of ${MESSAGES.toLocaleString('en')} messages: materialise, submit over SMPP to three simulated carriers, apply receipts`,
    run: async (context: BenchContext) => {
      const databaseUrl = await context.freshDatabase();
      const simulators = await Promise.all(CARRIERS.map((id) => SmscSimulator.start({
        port: 0,
        accounts: [{ systemId: `bench_${id}`, password: 'bench' }],
        profile: { name: id, messageIdFormat: 'decimal', receiptIdFormat: 'decimal', receiptDelayMs: [1, 20], outcomes: { DELIVRD: 1 } },
      })));
      const carriers = CARRIERS.map((id, index) => benchAccount(id, simulators[index].port));
      @Module({
        imports: [
          DatabaseModule.forRoot({ url: databaseUrl, poolSize: 12 }),
          AuthModule.forRoot({ jwtSecret: 'bench-secret-bench-secret-bench-secret' }),
          TemplatesModule,
          CampaignsModule,
          DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 20, batchSize: 1000 } }),
        ],
      })
      class CampaignBenchModule {}
      const app = await NestFactory.createApplicationContext(CampaignBenchModule, { logger: ['error'] });
      try {
        const db = app.get(DataSource);
        await syncProvinces(db);
        await seedDemo(db, app.get(AuthService), { password: 'bench-password', subscribers: 0 });
        await db.query(`INSERT INTO subscribers (msisdn, carrier, province_code)
          SELECT 84000000000 + (ARRAY[96, 91, 90])[1 + n % 3] * 10000000 + n, (ARRAY['viettel', 'vnpt', 'mobifone'])[1 + n % 3], '14'
          FROM generate_series(1, $1) n`, [MESSAGES]);
        const users = await benchUsers(db);
        const campaignId = await approvedCampaign(app.get(TemplatesService), app.get(CampaignsService), users);
        const started = process.hrtime.bigint();
        await waitForCompletion(db, campaignId);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        return [
          { name: 'campaign.end-to-end throughput', value: MESSAGES / seconds, unit: 'messages/s', note: `${MESSAGES} messages in ${seconds.toFixed(1)} s, delivered and reported` },
        ];
      } finally {
        await app.close();
        await Promise.all(simulators.map((simulator) => simulator.stop()));
      }
    },
  },
];

function benchAccount(id: CarrierAccount['id'], port: number): CarrierAccount {
  return {
    id, host: '127.0.0.1', port, systemId: `bench_${id}`, password: 'bench', systemType: '', bindMode: 'transceiver',
    binds: 2, tps: 20_000, window: 100, sourceAddr: 'CONGAN', sourceTon: 5, sourceNpi: 0, destTon: 1, destNpi: 1,
    concat: 'udh8', resendParts: 'missing', gsmCoding: 'gsm0338', dlrIdFormat: 'same', enquireLinkSeconds: 30, validityHours: 24,
    simulated: true, simulatorProfile: id,
  };
}

async function benchUsers(db: DataSource): Promise<{ drafter: AuthUser; approver: AuthUser }> {
  const rows: { id: string; username: string; role: AuthUser['role'] }[] = await db.query(
    `SELECT id, username, role FROM users WHERE username IN ('demo-drafter', 'demo-approver')`);
  const user = (name: string): AuthUser => {
    const row = rows.find((candidate) => candidate.username === name)!;
    return { id: Number(row.id), username: row.username, role: row.role, provinceScope: null };
  };
  return { drafter: user('demo-drafter'), approver: user('demo-approver') };
}

async function approvedCampaign(templates: TemplatesService, campaigns: CampaignsService, users: { drafter: AuthUser; approver: AuthUser }): Promise<number> {
  const template = await templates.create(
    { name: 'bench', body: 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai.', encodingPolicy: 'auto', maxSegments: 3 },
    users.drafter,
  );
  await templates.submit(template.id, users.drafter);
  await templates.approve(template.id, users.approver);
  const campaign = await campaigns.create({ name: 'bench', templateId: template.id, provinces: ['14'], startAt: new Date() }, users.drafter);
  await campaigns.submit(campaign.id, users.drafter);
  await campaigns.approve(campaign.id, users.approver);
  return campaign.id;
}

async function waitForCompletion(db: DataSource, campaignId: number): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const [row] = await db.query('SELECT state FROM campaigns WHERE id = $1', [campaignId]);
    if (row.state === 'completed') return;
    if (Date.now() > deadline) throw new Error(`campaign ${campaignId} did not complete within 10 minutes (state ${row.state})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
