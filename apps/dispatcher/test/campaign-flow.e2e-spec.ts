import { type CarrierAccount } from '@loa/config';
import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { parseUdh } from '@loa/sms';
import { pollUntil } from '@loa/testing';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { simulatedAccount, simulatedCarrier } from './campaign-harness';

const WARNING_BODY = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP, không chuyển tiền cho người lạ. Liên hệ {{province.hotline}}.';
const TARGETED = ['14', '66'];
const CARRIER_PORTS = { viettel: 0, vnpt: 0, mobifone: 0 };
// The campaign goes now, whatever the hour in Viet Nam: outside 07:00–21:00 its window would hold it (send-windows tests).
const ANY_TIME = { windowLifted: true, overrideReason: 'test: not about send windows' };

/**
 * Subscribers: 40 per (province, carrier) in Sơn La, Đắk Lắk and Hà Nội; every 10th opted out, and every
 * 7th of Sơn La's on the exclusion list (numbers that must not receive a campaign).
 */
async function seedSubscribers(api: TestApi): Promise<void> {
  await api.dataSource.query(`
    INSERT INTO subscribers (msisdn, carrier, province_code, status)
    SELECT 84000000000 + c.prefix * 10000000 + p.ord * 1000 + n, c.carrier, p.code,
           CASE WHEN n % 10 = 0 THEN 'opted_out' ELSE 'active' END
    FROM generate_series(1, 40) n
    CROSS JOIN (VALUES ('14', 1), ('66', 2), ('01', 3)) p(code, ord)
    CROSS JOIN (VALUES ('viettel', 96), ('vnpt', 91), ('mobifone', 90)) c(carrier, prefix)`);
  await api.dataSource.query(`
    INSERT INTO subscriber_exclusions (msisdn, reason)
    SELECT msisdn, 'asked not to receive' FROM subscribers WHERE province_code = '14' AND msisdn % 7 = 0`);
}

/** Messages whose every part the carriers reported DELIVRD (one message per destination here). */
function countDeliveredMessages(simulators: SmscSimulator[]): number {
  const states = new Map<string, string[]>();
  for (const receipt of simulators.flatMap((simulator) => simulator.receiptsSent)) {
    states.set(receipt.destination, [...(states.get(receipt.destination) ?? []), receipt.state]);
  }
  return [...states.values()].filter((parts) => parts.every((state) => state === 'DELIVRD')).length;
}

describe('a warning campaign from template to delivery report', () => {
  let api: TestApi;
  const simulators = new Map<string, SmscSimulator>();

  beforeAll(async () => {
    for (const id of Object.keys(CARRIER_PORTS) as CarrierAccount['id'][]) {
      simulators.set(
        id,
        await simulatedCarrier(id, {
          messageIdFormat: id === 'viettel' ? 'hex' : 'decimal',
          receiptIdFormat: 'decimal',
          receiptDelayMs: [5, 30],
          outcomes: { DELIVRD: 8, UNDELIV: 1, EXPIRED: 1 },
        }),
      );
    }
    const carriers = [...simulators.entries()].map(([id, simulator]) =>
      simulatedAccount(id as CarrierAccount['id'], simulator.port, { dlrIdFormat: id === 'viettel' ? 'hex-to-dec' : 'same' }),
    );
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50 } })] });
    await seedSubscribers(api);
  });

  afterAll(async () => {
    await api?.close();
    for (const simulator of simulators.values()) await simulator.stop();
  });

  it('sends one message per targeted active subscriber and reports what the carriers acknowledged', async () => {
    const drafter = await api.login('demo-drafter');
    const approver = await api.login('demo-approver');
    const template = await api.http().post('/templates').auth(drafter, { type: 'bearer' }).send({ name: 'Cảnh báo OTP', body: WARNING_BODY }).expect(201);
    await api.http().post(`/templates/${template.body.id}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
    await api.http().post(`/templates/${template.body.id}/approve`).auth(approver, { type: 'bearer' }).expect(200);
    const campaign = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'Cảnh báo trước Tết', templateId: template.body.id, provinces: TARGETED, startAt: new Date().toISOString(), ...ANY_TIME })
      .expect(201);
    await api.http().post(`/campaigns/${campaign.body.id}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
    const approved = await api.http().post(`/campaigns/${campaign.body.id}/approve`).auth(approver, { type: 'bearer' }).expect(200);
    expect(approved.body.state).toBe('scheduled');

    const finished = await pollUntil(
      async () => (await api.http().get(`/campaigns/${campaign.body.id}`).auth(approver, { type: 'bearer' })).body,
      (body) => body.state === 'completed',
      { timeoutMs: 45_000, intervalMs: 200, what: 'the campaign to complete' },
    );
    expect(finished.state).toBe('completed');

    const expected: { msisdn: string }[] = await api.dataSource.query(
      `SELECT msisdn::text FROM subscribers s WHERE status = 'active' AND province_code = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM subscriber_exclusions e WHERE e.msisdn = s.msisdn) ORDER BY msisdn`,
      [TARGETED],
    );
    const [{ excluded }] = await api.dataSource.query(
      `SELECT count(*)::int AS excluded FROM subscriber_exclusions e JOIN subscribers s USING (msisdn) WHERE s.status = 'active'`,
    );
    expect(excluded).toBeGreaterThan(0);
    const received = [...simulators.values()].flatMap((simulator) => simulator.messages());
    expect(received.every((message) => message.complete)).toBe(true);
    expect(received.map((message) => message.destination).sort()).toEqual(expected.map((row) => row.msisdn));

    const report = await api.http().get(`/campaigns/${campaign.body.id}/report`).auth(approver, { type: 'bearer' }).expect(200);
    const acknowledgedDelivered = countDeliveredMessages([...simulators.values()]);
    expect(report.body.totals.targeted).toBe(expected.length);
    expect(report.body.totals.submitted).toBe(expected.length);
    expect(report.body.totals.delivered).toBe(acknowledgedDelivered);
    expect(report.body.totals.delivered + report.body.totals.failed).toBe(expected.length);
    expect(report.body.totals.pending).toBe(0);
    expect(report.body.rows).toHaveLength(TARGETED.length * 3);
  });

  it('delivers the Vietnamese text byte-exact as UCS-2 with data_coding 8', async () => {
    const [text] = await api.dataSource.query(`SELECT body FROM campaign_texts WHERE province_code = '14' ORDER BY id DESC LIMIT 1`);
    expect(text.body).toContain('Sơn La');
    const viettel = simulators.get('viettel')!;
    const message = viettel.messages().find((candidate) => candidate.text === text.body);
    expect(message).toBeDefined();
    const parts = viettel.received
      .filter((submit) => submit.destination === message!.destination)
      .sort((a, b) => (a.concat?.sequence ?? 1) - (b.concat?.sequence ?? 1));
    expect(parts.every((part) => part.dataCoding === 8)).toBe(true);
    const payload = Buffer.concat(parts.map((part) => part.shortMessage.subarray(parseUdh(part.shortMessage).headerLength)));
    expect(payload.equals(Buffer.from(text.body, 'utf16le').swap16())).toBe(true);
  });
});
