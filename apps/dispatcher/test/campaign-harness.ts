import { type CarrierAccount } from '@loa/config';
import { type SmscProfile, SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { type TestApi } from '../../api/test/test-app';

/** A carrier account pointing at a simulator on loopback, as the carriers file would give it. */
export function simulatedAccount(id: CarrierAccount['id'], port: number, overrides: Partial<CarrierAccount> = {}): CarrierAccount {
  return {
    id,
    host: '127.0.0.1',
    port,
    systemId: `loa_${id}`,
    password: 'secret',
    systemType: '',
    bindMode: 'transceiver',
    binds: 1,
    tps: 2000,
    window: 50,
    sourceAddr: 'CONGAN',
    sourceTon: 5,
    sourceNpi: 0,
    destTon: 1,
    destNpi: 1,
    concat: 'udh8',
    resendParts: 'missing',
    gsmCoding: 'gsm0338',
    dlrIdFormat: 'same',
    enquireLinkSeconds: 30,
    validityHours: 24,
    bindTimeoutSeconds: 5,
    requestTimeoutSeconds: 10,
    simulated: true,
    simulatorProfile: id,
    ...overrides,
  };
}

/** The simulated SMSC of one carrier on a free port, taking the bind of simulatedAccount(id, …). */
export function simulatedCarrier(id: CarrierAccount['id'], profile: Partial<SmscProfile>): Promise<SmscSimulator> {
  return SmscSimulator.start({ port: 0, accounts: [{ systemId: `loa_${id}`, password: 'secret' }], profile: { name: id, ...profile } });
}

/**
 * Campaigns of tests about something else send whatever the time of day and whatever other campaigns the
 * same subscribers are in (send-windows.e2e-spec.ts tests the window and the cap).
 */
const ANY_TIME_ANY_AUDIENCE = { windowLifted: true, dailyCapLifted: true, overrideReason: 'test: not about send windows or the daily cap' };

/** An approved template, and a campaign on it created, submitted and approved: scheduled to start now. */
export async function approvedCampaign(api: TestApi, body: string, campaign: Record<string, unknown>): Promise<number> {
  const drafter = await api.login('demo-drafter');
  const approver = await api.login('demo-approver');
  const template = await api.http().post('/templates').auth(drafter, { type: 'bearer' }).send({ name: 'Cảnh báo', body }).expect(201);
  await api.http().post(`/templates/${template.body.id}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
  await api.http().post(`/templates/${template.body.id}/approve`).auth(approver, { type: 'bearer' }).expect(200);
  const created = await api
    .http()
    .post('/campaigns')
    .auth(drafter, { type: 'bearer' })
    .send({ name: 'Cảnh báo lừa đảo', templateId: template.body.id, startAt: new Date().toISOString(), ...ANY_TIME_ANY_AUDIENCE, ...campaign })
    .expect(201);
  await api.http().post(`/campaigns/${created.body.id}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
  const approved = await api.http().post(`/campaigns/${created.body.id}/approve`).auth(approver, { type: 'bearer' }).expect(200);
  expect(approved.body.state).toBe('scheduled');
  return created.body.id;
}

/** Polls the campaign over the API until it has completed. */
export async function waitForCompletion(api: TestApi, campaignId: number, timeoutMs = 45_000): Promise<void> {
  const viewer = await api.login('demo-viewer');
  await pollUntil(
    async () => (await api.http().get(`/campaigns/${campaignId}`).auth(viewer, { type: 'bearer' })).body,
    (body) => body.state === 'completed',
    { timeoutMs, intervalMs: 200, what: `campaign ${campaignId} to complete` },
  );
}

export async function reportTotals(api: TestApi, campaignId: number): Promise<Record<string, number>> {
  const viewer = await api.login('demo-viewer');
  const report = await api.http().get(`/campaigns/${campaignId}/report`).auth(viewer, { type: 'bearer' }).expect(200);
  return report.body.totals;
}

/** `count` active subscribers of one carrier in one province, numbered from `first`. */
export async function seedSubscribers(api: TestApi, carrier: string, province: string, first: number, count: number): Promise<void> {
  await api.dataSource.query(`INSERT INTO subscribers (msisdn, carrier, province_code) SELECT $1::bigint + n, $2, $3 FROM generate_series(0, $4 - 1) n`, [
    first,
    carrier,
    province,
    count,
  ]);
}
