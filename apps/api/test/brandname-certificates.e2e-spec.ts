import { type DynamicModule } from '@nestjs/common';
import { PLANNER_CLOCK } from '@loa/campaigns';
import { ManualClock } from '@loa/common';
import { createTestApi, type TestApi } from './test-app';

/** 09:00 in Viet Nam on 1 March 2027, inside the send window; the real date plays no part. */
const T0 = Date.parse('2027-03-01T09:00:00+07:00');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const CERTIFICATES = [
  // Lapses at 24:00 on 10 March: 9 days left on 1 March, inside the 30-day warning.
  { carrier: 'viettel', brandname: 'CONGAN', certificate: { number: '001/2025/CNTĐD-BCA', validFrom: '2025-03-01', validTo: '2027-03-10' } },
  // Lapsed the day before T0.
  { carrier: 'vnpt', brandname: 'CONGAN', certificate: { number: '002/2025/CNTĐD-BCA', validFrom: '2025-03-01', validTo: '2027-02-28' } },
  { carrier: 'mobifone', brandname: 'CONGAN', certificate: { number: '003/2025/CNTĐD-BCA', validFrom: '2025-03-01', validTo: '2030-02-28' } },
];

function clockModule(clock: ManualClock): DynamicModule {
  class PlannerClockModule {}
  return { module: PlannerClockModule, global: true, providers: [{ provide: PLANNER_CLOCK, useValue: clock }], exports: [PLANNER_CLOCK] };
}

/**
 * Brandname certificates (refused at plan and approval, days left in /metrics and GET /carriers/certificates),
 * and the times rule (a start in the past, times without an offset read as Viet Nam time), on a ManualClock.
 */
describe('brandname certificates and times', () => {
  const clock = new ManualClock(T0);
  let api: TestApi;
  let drafter: string;
  let approver: string;
  let viewer: string;
  let templateId: number;

  beforeAll(async () => {
    api = await createTestApi({
      carriers: ['viettel', 'vnpt', 'mobifone'],
      carrierTps: { viettel: 100, vnpt: 100, mobifone: 100 },
      carrierCertificates: CERTIFICATES,
      imports: [clockModule(clock)],
    });
    [drafter, approver, viewer] = await Promise.all(['demo-drafter', 'demo-approver', 'demo-viewer'].map((user) => api.login(user)));
    await api.dataSource.query(`
      INSERT INTO subscribers (msisdn, carrier, province_code, status)
      SELECT 84960000000 + n, (ARRAY['viettel', 'vnpt', 'mobifone'])[n % 3 + 1], '14', 'active' FROM generate_series(0, 29) n`);
    const body = 'Công an {{province.unit}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai.';
    templateId = (await post('/templates', drafter, { name: 'OTP', body }).expect(201)).body.id;
    await post(`/templates/${templateId}/submit`, drafter).expect(200);
    await post(`/templates/${templateId}/approve`, approver).expect(200);
  });
  afterAll(() => api.close());

  const post = (path: string, token: string, body: object = {}) => api.http().post(path).auth(token, { type: 'bearer' }).send(body);
  const get = (path: string, token: string) => api.http().get(path).auth(token, { type: 'bearer' });
  const campaign = (carriers: string[], startAt: string, extra: object = {}) => ({
    name: 'Cảnh báo OTP',
    templateId,
    provinces: ['14'],
    carriers,
    startAt,
    ...extra,
  });
  const pendingCampaign = async (carriers: string[], startAt: string, extra: object = {}) => {
    const id = (await post('/campaigns', drafter, campaign(carriers, startAt, extra)).expect(201)).body.id as number;
    await post(`/campaigns/${id}/submit`, drafter).expect(200);
    return id;
  };

  it('refuses at approval (409) a campaign on a carrier whose certificate has lapsed, naming the carrier and the date; its plan says so', async () => {
    const id = await pendingCampaign(['viettel', 'vnpt'], iso(T0 + 60 * MINUTE));
    const plan = (await get(`/campaigns/${id}/plan`, drafter).expect(200)).body;
    expect(plan.certificateProblems).toEqual([
      expect.objectContaining({ code: 'CERTIFICATE_LAPSED', carrier: 'vnpt', brandname: 'CONGAN', validTo: '2027-02-28' }),
    ]);
    const refused = await post(`/campaigns/${id}/approve`, approver).expect(409);
    expect(refused.body.message).toMatch(/vnpt: the certificate of brandname CONGAN \(002\/2025\/CNTĐD-BCA\) is valid until 2027-02-28/);
    expect(refused.body.message).toContain('hết hiệu lực sau ngày 28/02/2027');
    expect(refused.body.details).toMatchObject({ code: 'CERTIFICATE_LAPSED', carrier: 'vnpt', validTo: '2027-02-28' });
    expect((await get(`/campaigns/${id}`, drafter).expect(200)).body.state).toBe('pending_approval');
  });

  it("refuses one whose certificate lapses before the campaign's sending ends (start + validity), and approves it once it ends in time", async () => {
    // Viettel's certificate covers up to 2027-03-11T00:00+07:00: a start at 20:00 on the 10th with 24 h validity outlives it.
    const late = await pendingCampaign(['viettel'], '2027-03-10T20:00:00+07:00');
    const refused = await post(`/campaigns/${late}/approve`, approver).expect(409);
    expect(refused.body.details).toMatchObject({
      code: 'CERTIFICATE_LAPSED',
      carrier: 'viettel',
      validTo: '2027-03-10',
      sendingEndsAt: '2027-03-11T20:00:00.000+07:00',
    });
    const draftPlan = (await post('/campaigns/plan', drafter, campaign(['viettel'], '2027-03-10T20:00:00+07:00', { validityHours: 2 })).expect(200)).body;
    expect(draftPlan.certificateProblems).toEqual([]);
    const inTime = await pendingCampaign(['viettel', 'mobifone'], '2027-03-10T20:00:00+07:00', { validityHours: 4 });
    expect((await post(`/campaigns/${inTime}/approve`, approver).expect(200)).body.state).toBe('scheduled');
  });

  it('says days left per carrier in GET /carriers/certificates (warning within 30 days) and in /metrics', async () => {
    const certificates = (await get('/carriers/certificates', viewer).expect(200)).body;
    expect(certificates).toEqual([
      expect.objectContaining({ carrier: 'viettel', brandname: 'CONGAN', state: 'expiring', daysLeft: 9, lapsesAt: '2027-03-11T00:00:00.000+07:00' }),
      expect.objectContaining({ carrier: 'vnpt', state: 'lapsed', daysLeft: -1 }),
      expect.objectContaining({ carrier: 'mobifone', state: 'valid', daysLeft: 1095, certificate: CERTIFICATES[2].certificate }),
    ]);
    const metrics = (await api.http().get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^loa_brandname_certificate_days_left\{carrier="viettel",brandname="CONGAN"\} 9$/m);
    expect(metrics).toMatch(/^loa_brandname_certificate_days_left\{carrier="vnpt",brandname="CONGAN"\} -1$/m);
    clock.advance(24 * 60 * MINUTE);
    expect((await api.http().get('/metrics').expect(200)).text).toMatch(/^loa_brandname_certificate_days_left\{carrier="viettel",brandname="CONGAN"\} 8$/m);
    clock.advance(-24 * 60 * MINUTE);
  });

  it('refuses a start in the past (400), but takes one within the last 5 minutes as now, by the service clock', async () => {
    const past = await post('/campaigns', drafter, campaign(['viettel'], iso(T0 - 6 * MINUTE))).expect(400);
    expect(past.body.message).toMatch(/^startAt: 2027-03-01T08:54:00\.000\+07:00 is in the past/);
    expect(past.body.details).toMatchObject({ field: 'startAt', rule: 'START_IN_PAST' });
    expect((await post('/campaigns/plan', drafter, campaign(['viettel'], '2027-03-01T08:00:00')).expect(400)).body.message).toMatch(
      /^startAt: .* is in the past/,
    );
    await post('/campaigns', drafter, campaign(['viettel'], iso(T0 - 4 * MINUTE))).expect(201);
  });

  it('reads a programme deadline and a report asOf without an offset as Viet Nam time, like a campaign start', async () => {
    const programme = { name: 'Tuyên truyền', issuingUnit: 'CÔNG AN TỈNH SƠN LA', provinces: ['14'] };
    const local = await post('/programmes', drafter, { ...programme, reportDeadline: '2027-04-01T17:00:00' }).expect(201);
    const offset = await post('/programmes', drafter, { ...programme, reportDeadline: '2027-04-01T17:00:00+07:00' }).expect(201);
    expect(local.body.reportDeadline).toBe('2027-04-01T17:00:00.000+07:00');
    expect(local.body.reportDeadline).toBe(offset.body.reportDeadline);
    const started = (await post('/campaigns', drafter, campaign(['viettel'], '2027-03-01T10:00:00')).expect(201)).body;
    expect(started.startAt).toBe('2027-03-01T10:00:00.000+07:00');
    // asOf lies before the real now (the reports read the database's clock).
    const report = (await get(`/campaigns/${started.id}/report?asOf=2026-12-01T08:00:00`, drafter).expect(200)).body;
    expect(report.asOf).toBe('2026-12-01T08:00:00.000+07:00');
  });
});
