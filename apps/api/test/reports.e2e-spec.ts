import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { formatVietnamInstant } from '@loa/common';
import { type CarrierAccount } from '@loa/config';
import { FINAL_STATES } from '@loa/delivery';
import { DispatcherModule } from '@loa/dispatcher';
import { AuthService } from '@loa/auth';
import { type SentReceipt, type SmscSimulator } from '@loa/smsc-simulator';
import { createTestDatabase, launchChromium, pollUntil } from '@loa/testing';
import { simulatedAccount, simulatedCarrier } from '../../dispatcher/test/campaign-harness';
import { AUDIT_CODE_HEADING } from '../src/audit/audit-csv';
import { csvFaults, htmlTextFaults, xlsxFaults } from './export-language';
import { createTestApi, TEST_PASSWORD, type TestApi } from './test-app';

const CARRIERS = ['viettel', 'vnpt', 'mobifone'] as const;
const PROVINCES = ['14', '66'];
const PER_CELL = 20;
/** A campaign name that looks like a formula, with a comma and quotes: what the CSV must keep as text. */
const CAMPAIGN_NAME = '=HYPERLINK("http://x","Cảnh báo, lừa đảo") trước Tết';
const SCREENSHOTS = join(process.cwd(), 'test-output');
const LATER_CAMPAIGN = 'Nhắc lại sau Tết — Đắk Lắk';
const VI_INTEGER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const REPORT_NUMBER = '45/BC-CAT-PA05';
const SIGNER_NAME = 'Đại tá Nguyễn Văn Demo';

type Row = Record<string, number | string | null>;

/** Delivered messages (every part DELIVRD) and messages received, per province/carrier, as the simulators saw them. */
function simulatorFigures(simulators: Map<string, SmscSimulator>, provinceOf: Map<string, string>): Map<string, { submitted: number; delivered: number }> {
  const figures = new Map<string, { submitted: number; delivered: number }>();
  for (const [carrier, simulator] of simulators) {
    const states = new Map<string, string[]>();
    for (const receipt of simulator.receiptsSent) states.set(receipt.destination, [...(states.get(receipt.destination) ?? []), receipt.state]);
    for (const message of simulator.messages()) {
      const key = `${provinceOf.get(message.destination)}/${carrier}`;
      const entry = figures.get(key) ?? { submitted: 0, delivered: 0 };
      entry.submitted++;
      if ((states.get(message.destination) ?? []).every((state) => state === 'DELIVRD') && states.has(message.destination)) entry.delivered++;
      figures.set(key, entry);
    }
  }
  return figures;
}

/** Which failing receipt stat a message of several parts ends by (rejected, else expired, else undeliverable). */
const FAILING_STATS = ['REJECTD', 'EXPIRED', 'UNDELIV', 'DELETED', 'UNKNOWN'];

/**
 * Messages ended undelivered per reason (`stat:UNDELIV err:001`), as the simulators' receipts said: a message of
 * several parts fails by its failing part's receipt. Also how many of those messages had several parts.
 */
function simulatorReasons(simulators: Map<string, SmscSimulator>): { reasons: Map<string, number>; multiPart: number } {
  const reasons = new Map<string, number>();
  let multiPart = 0;
  for (const simulator of simulators.values()) {
    // Per handset (one message each), its parts' receipts by the part's id: a receipt sent again is the same part.
    const parts = new Map<string, Map<string, SentReceipt>>();
    for (const receipt of simulator.receiptsSent) {
      parts.set(receipt.destination, (parts.get(receipt.destination) ?? new Map()).set(receipt.submitMessageId, receipt));
    }
    for (const receipts of parts.values()) {
      const failing = [...receipts.values()].filter((receipt) => receipt.state !== 'DELIVRD');
      if (failing.length === 0) continue;
      const [first] = failing.sort((a, b) => FAILING_STATS.indexOf(a.state) - FAILING_STATS.indexOf(b.state));
      const reason = `stat:${first.state} err:${first.errorCode}`;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      if (receipts.size > 1) multiPart++;
    }
  }
  return { reasons, multiPart };
}

/**
 * The first and last send and receipt recounted from the messages' own timestamps before `moment`: sent when it
 * reached submitted, a receipt when one ended it (every final state of this campaign comes by receipt).
 */
async function recountTimesAt(api: TestApi, campaignId: number, moment: Date): Promise<Record<string, string | null>> {
  const [row] = await api.dataSource.query(
    `SELECT min(submitted_at) FILTER (WHERE submitted_at < $2) AS "firstSentAt", max(submitted_at) FILTER (WHERE submitted_at < $2) AS "lastSentAt",
            min(final_at) FILTER (WHERE final_at < $2) AS "firstReceiptAt", max(final_at) FILTER (WHERE final_at < $2) AS "lastReceiptAt"
     FROM messages WHERE campaign_id = $1`,
    [campaignId, moment],
  );
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? null : formatVietnamInstant(value as Date)]));
}

/** The figures per province/carrier recounted from the messages' own timestamps: what was true at `moment`. */
async function recountAt(api: TestApi, campaignId: number, moment: Date): Promise<Map<string, Row>> {
  const rows: Row[] = await api.dataSource.query(
    `SELECT province_code, carrier, count(*) FILTER (WHERE submitted_at < $2)::int AS submitted,
       ${FINAL_STATES.map((state) => `count(*) FILTER (WHERE state = '${state}' AND final_at < $2)::int AS ${state}`).join(', ')}
     FROM messages WHERE campaign_id = $1 GROUP BY 1, 2`,
    [campaignId, moment],
  );
  return new Map(rows.map((row) => [`${row.province_code}/${row.carrier}`, row]));
}

describe('reports officials can sign and file', () => {
  let api: TestApi;
  const simulators = new Map<string, SmscSimulator>();
  let campaignId: number;
  let programmeId: number;
  let deadline: Date;
  const asOfAnswers: { asOf: Date; body: { countedUntil: string; rows: Row[]; times: Record<string, string | null> } }[] = [];

  beforeAll(async () => {
    for (const id of CARRIERS) {
      simulators.set(
        id,
        await simulatedCarrier(id, {
          messageIdFormat: 'decimal',
          receiptIdFormat: 'decimal',
          receiptDelayMs: [50, 3500],
          outcomes: { DELIVRD: 7, UNDELIV: 2, EXPIRED: 1 },
        }),
      );
    }
    // Counters in one-second buckets, so three moments of a short campaign fall in different buckets.
    const db = await createTestDatabase();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`ALTER DATABASE ${new URL(db.url).pathname.slice(1)} SET loa.stats_bucket_seconds = 1`);
    await client.end();
    const carriers = [...simulators.entries()].map(([id, simulator]) => simulatedAccount(id as CarrierAccount['id'], simulator.port, { tps: 25 }));
    api = await createTestApi({ db, imports: [DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50 } })] });
    await api.dataSource.query(
      `INSERT INTO subscribers (msisdn, carrier, province_code)
       SELECT 84000000000 + c.prefix * 10000000 + p.ord * 1000 + n, c.carrier, p.code
       FROM generate_series(1, ${PER_CELL}) n
       CROSS JOIN (VALUES ('14', 1), ('66', 2)) p(code, ord)
       CROSS JOIN (VALUES ('viettel', 96), ('vnpt', 91), ('mobifone', 90)) c(carrier, prefix)`,
    );
    await api.app.get(AuthService).addUser('son-la-viewer', TEST_PASSWORD, 'viewer', ['14']);
  });

  afterAll(async () => {
    await api?.close();
    for (const simulator of simulators.values()) await simulator.stop();
  });

  it('records a programme and refuses a bad one', async () => {
    const drafter = await api.login('demo-drafter');
    const created = await api
      .http()
      .post('/programmes')
      .auth(drafter, { type: 'bearer' })
      .send({
        name: 'Tuyên truyền phòng, chống lừa đảo dịp Tết',
        planReference: '306/KH-CAT-PA05',
        reportNumber: REPORT_NUMBER,
        signerName: SIGNER_NAME,
        signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
        recipients: ['Chủ tịch UBND tỉnh Sơn La', 'Ban Giám đốc Công an tỉnh (để b/c)'],
        governingBody: 'UBND TỈNH SƠN LA',
        issuingUnit: 'CÔNG AN TỈNH SƠN LA',
        legalBasis: 'Chỉ thị số 18/CT-UBND ngày 28/11/2023 và Kế hoạch số 306/KH-UBND ngày 26/12/2023 của UBND tỉnh'.normalize('NFD'),
        contactOfficer: 'Đại úy Trần Thị Demo',
        contactPhone: '0212 000 000',
        reportDeadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        provinces: PROVINCES,
      })
      .expect(201);
    programmeId = created.body.id;
    expect(created.body.legalBasis).toBe('Chỉ thị số 18/CT-UBND ngày 28/11/2023 và Kế hoạch số 306/KH-UBND ngày 26/12/2023 của UBND tỉnh'.normalize('NFC'));
    const bad = await api
      .http()
      .post('/programmes')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'x', issuingUnit: 'y', provinces: ['14'], reportDeadline: '24/02/2026 17:00' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('reportDeadline');
    const viewer = await api.login('demo-viewer');
    await api
      .http()
      .post('/programmes')
      .auth(viewer, { type: 'bearer' })
      .send({ name: 'x', issuingUnit: 'y', provinces: ['14'] })
      .expect(403);
    expect((await api.dataSource.query('SELECT count(*)::int AS n FROM programmes'))[0].n).toBe(1);
    expect(created.body).toMatchObject({ planReference: '306/KH-CAT-PA05', reportNumber: REPORT_NUMBER, place: null, documentNumber: '306/KH-CAT-PA05' });
    // One province: the report is dated from it. The plan's number under its old name is still taken.
    const sonLa = await api
      .http()
      .post('/programmes')
      .auth(drafter, { type: 'bearer' })
      .send({ name: 'Một tỉnh', documentNumber: '12/KH-CAT', issuingUnit: 'CÔNG AN TỈNH SƠN LA', provinces: ['14'] })
      .expect(201);
    expect(sonLa.body).toMatchObject({ place: 'Sơn La', planReference: '12/KH-CAT', reportNumber: null, recipients: [] });
  });

  it('answers asOf during the run with what a recount of the messages at that moment gives', async () => {
    deadline = new Date(Date.now() + 3_000);
    const drafter = await api.login('demo-drafter');
    const approver = await api.login('demo-approver');
    const body = 'Công an {{province.unit}} cảnh báo: không chuyển tiền cho người lạ. Liên hệ {{province.hotline}}.';
    const template = await api.http().post('/templates').auth(drafter, { type: 'bearer' }).send({ name: 'Cảnh báo', body }).expect(201);
    await api.http().post(`/templates/${template.body.id}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
    await api.http().post(`/templates/${template.body.id}/approve`).auth(approver, { type: 'bearer' }).expect(200);
    const created = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({
        name: CAMPAIGN_NAME,
        templateId: template.body.id,
        startAt: new Date().toISOString(),
        // It sends now, whatever the hour in Viet Nam (outside 07:00–21:00 its window would hold it).
        windowLifted: true,
        overrideReason: 'test: not about send windows',
        provinces: PROVINCES,
        reportDeadline: deadline.toISOString(),
        programmeId,
      })
      .expect(201);
    campaignId = created.body.id;
    await api.http().post(`/campaigns/${campaignId}/submit`).auth(drafter, { type: 'bearer' }).expect(200);
    // The deadline is meant to pass mid-run (late receipts after it), which a busy host's plan may foresee.
    await api
      .http()
      .post(`/campaigns/${campaignId}/approve`)
      .auth(approver, { type: 'bearer' })
      .send({ acknowledgeDeadlineMiss: true, reason: 'Kiểm thử: hạn báo cáo giữa đợt gửi' })
      .expect(200);
    const viewer = await api.login('demo-viewer');
    const due = await api.http().get('/reports/deadlines?days=1').auth(viewer, { type: 'bearer' }).expect(200);
    expect(due.body.map((entry: { kind: string; id: number }) => `${entry.kind}:${entry.id}`)).toContain(`campaign:${campaignId}`);
    expect(due.body.some((entry: { kind: string }) => entry.kind === 'programme')).toBe(false);
    const week = await api.http().get('/reports/deadlines?days=7').auth(viewer, { type: 'bearer' }).expect(200);
    expect(week.body.find((entry: { kind: string }) => entry.kind === 'programme')).toMatchObject({
      id: programmeId,
      finishesInTime: true,
      state: 'in_progress',
      stateLabel: 'Đang thực hiện',
    });
    expect(typeof due.body.find((entry: { kind: string }) => entry.kind === 'campaign').finishesInTime).toBe('boolean');
    await api.http().get('/reports/deadlines?days=0').auth(viewer, { type: 'bearer' }).expect(400);

    // Three moments while it runs, each a whole second at least a second old (its bucket closed).
    let lastMoment = 0;
    await pollUntil(
      async () => {
        const moment = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
        if (moment.getTime() <= lastMoment) return asOfAnswers.length;
        const [{ delivered }] = await api.dataSource.query(`SELECT count(*)::int AS delivered FROM messages WHERE campaign_id = $1 AND state = 'delivered'`, [
          campaignId,
        ]);
        if (delivered === 0) return asOfAnswers.length;
        lastMoment = moment.getTime();
        const answer = await api
          .http()
          .get(`/campaigns/${campaignId}/report`)
          .query({ asOf: moment.toISOString() })
          .auth(viewer, { type: 'bearer' })
          .expect(200);
        asOfAnswers.push({ asOf: moment, body: answer.body });
        return asOfAnswers.length;
      },
      (count) => count >= 3,
      { timeoutMs: 20_000, intervalMs: 400, what: 'three asOf answers during the run' },
    );
    await api.http().get(`/campaigns/${campaignId}/report`).query({ asOf: '2026-01-01' }).auth(viewer, { type: 'bearer' }).expect(400);
    await api.http().get(`/campaigns/${campaignId}/report`).query({ asOf: '2999-01-01T00:00:00Z' }).auth(viewer, { type: 'bearer' }).expect(400);
    await api.http().get(`/campaigns/${campaignId}/report`).query({ format: 'pdf' }).auth(viewer, { type: 'bearer' }).expect(400);
  });

  it('keeps the figures as at the deadline while late receipts arrive, and ends equal to the simulators', async () => {
    const viewer = await api.login('demo-viewer');
    await pollUntil(
      async () => Date.now(),
      (now) => now > deadline.getTime() + 1_500,
      { timeoutMs: 10_000, intervalMs: 200, what: 'the deadline to pass' },
    );
    const early = (await api.http().get(`/campaigns/${campaignId}/report`).auth(viewer, { type: 'bearer' }).expect(200)).body;
    expect(early.atDeadline).not.toBeNull();
    await pollUntil(
      async () => (await api.http().get(`/campaigns/${campaignId}`).auth(viewer, { type: 'bearer' })).body,
      (body) => body.state === 'completed',
      { timeoutMs: 45_000, intervalMs: 200, what: 'the campaign to complete' },
    );
    const final = (await api.http().get(`/campaigns/${campaignId}/report`).auth(viewer, { type: 'bearer' }).expect(200)).body;
    expect(final.atDeadline).toEqual(early.atDeadline);
    expect(final.totals.delivered).toBeGreaterThan(final.atDeadline.totals.delivered);
    expect(final.totals.pending).toBe(0);

    for (const { asOf, body } of asOfAnswers) {
      expect(new Date(body.countedUntil)).toEqual(asOf);
      const recount = await recountAt(api, campaignId, asOf);
      for (const row of body.rows) {
        const expected = recount.get(`${row.provinceCode}/${row.carrier}`)!;
        expect({ submitted: row.submitted, delivered: row.delivered, undeliverable: row.undeliverable, expired: row.expired }).toEqual({
          submitted: expected.submitted,
          delivered: expected.delivered,
          undeliverable: expected.undeliverable,
          expired: expected.expired,
        });
        expect(row.failed).toBe(FINAL_STATES.filter((state) => state !== 'delivered').reduce((sum, state) => sum + Number(expected[state]), 0));
      }
      expect(body.times).toEqual(await recountTimesAt(api, campaignId, asOf));
    }
    // The last moment is past the first receipt (the first was taken once a message was delivered): its times are all known.
    expect(Object.values(asOfAnswers[asOfAnswers.length - 1].body.times)).not.toContain(null);
    expect(new Set(asOfAnswers.map(({ body }) => body.times.lastReceiptAt)).size).toBeGreaterThan(1);
    const moments = asOfAnswers.map(({ body }) => body.rows.reduce((sum, row) => sum + Number(row.delivered), 0));
    expect(new Set(moments).size).toBeGreaterThan(1);

    const provinceOf = new Map<string, string>(
      (await api.dataSource.query('SELECT msisdn::text, province_code FROM subscribers')).map((row: { msisdn: string; province_code: string }) => [
        row.msisdn,
        row.province_code,
      ]),
    );
    const simulated = simulatorFigures(simulators, provinceOf);
    expect(final.rows).toHaveLength(PROVINCES.length * CARRIERS.length);
    for (const row of final.rows) {
      expect({ submitted: row.submitted, delivered: row.delivered }).toEqual(simulated.get(`${row.provinceCode}/${row.carrier}`));
      expect(row.targeted).toBe(PER_CELL);
    }
    expect(final.totals.deliveryRate).toBeCloseTo(final.totals.delivered / final.totals.submitted, 10);
    expect(final.errors.reduce((sum: number, error: { messages: number }) => sum + error.messages, 0)).toBe(final.totals.failed);
    expect(final.errors.find((error: { reason: string }) => error.reason.startsWith('stat:UNDELIV'))).toMatchObject({
      source: 'receipt',
      state: 'undeliverable',
    });
    // Every message here has two parts: the breakdown gives each failed one's receipt stat and err, as the simulators sent them.
    const { reasons, multiPart } = simulatorReasons(simulators);
    expect(multiPart).toBe(final.totals.failed);
    const receiptErrors = final.errors.filter((error: { source: string }) => error.source === 'receipt');
    expect(new Map(receiptErrors.map((error: { reason: string; messages: number }) => [error.reason, error.messages]))).toEqual(reasons);
    expect(new Date(final.times.firstSentAt).getTime()).toBeLessThanOrEqual(new Date(final.times.lastSentAt).getTime());
    expect(new Date(final.times.lastReceiptAt).getTime()).toBeGreaterThan(deadline.getTime());
    expect(final.timeline.step).toBe('minute');
    expect(final.timeline.points.reduce((sum: number, point: { delivered: number }) => sum + point.delivered, 0)).toBe(final.totals.delivered);
  });

  it('shows a province-scoped official only their province, and no carrier-wide figures', async () => {
    const sonLa = await api.login('son-la-viewer');
    const report = (await api.http().get(`/campaigns/${campaignId}/report`).auth(sonLa, { type: 'bearer' }).expect(200)).body;
    expect(new Set(report.rows.map((row: Row) => row.provinceCode))).toEqual(new Set(['14']));
    expect(report.totals.targeted).toBe(PER_CELL * CARRIERS.length);
    expect(report.carrierReports).toBeNull();
  });

  it('records what carriers reported and shows the difference and who has not reported', async () => {
    const operator = await api.login('demo-operator');
    const viewer = await api.login('demo-viewer');
    const good = { carrier: 'viettel', targeted: 40, sent: 40, delivered: 30, reportedOn: '2026-02-20', reference: '1234/VTT-KD' };
    await api.http().post(`/campaigns/${campaignId}/carrier-reports`).auth(viewer, { type: 'bearer' }).send(good).expect(403);
    await api
      .http()
      .post(`/campaigns/${campaignId}/carrier-reports`)
      .auth(operator, { type: 'bearer' })
      .send({ ...good, delivered: 41 })
      .expect(400);
    await api
      .http()
      .post(`/campaigns/${campaignId}/carrier-reports`)
      .auth(operator, { type: 'bearer' })
      .send({ ...good, carrier: 'sfone' })
      .expect(400);
    await api
      .http()
      .post(`/campaigns/${campaignId}/carrier-reports`)
      .auth(operator, { type: 'bearer' })
      .send({ ...good, reportedOn: '20/02/2026' })
      .expect(400);
    expect((await api.dataSource.query('SELECT count(*)::int AS n FROM carrier_reports'))[0].n).toBe(0);
    await api.http().post(`/campaigns/${campaignId}/carrier-reports`).auth(operator, { type: 'bearer' }).send(good).expect(201);
    const [audit] = await api.dataSource.query(`SELECT details FROM audit_log WHERE action = 'campaign.carrier-report' AND object_id = $1`, [
      String(campaignId),
    ]);
    expect(audit.details).toMatchObject({ carrier: 'viettel', delivered: 30, reference: '1234/VTT-KD' });
    const report = (await api.http().get(`/campaigns/${campaignId}/report`).auth(viewer, { type: 'bearer' }).expect(200)).body;
    const viettel = report.rows.filter((row: Row) => row.carrier === 'viettel').reduce((sum: number, row: Row) => sum + Number(row.delivered), 0);
    expect(report.carrierReports.reported).toEqual([
      expect.objectContaining({
        carrier: 'viettel',
        difference: { targeted: 0, sent: 0, delivered: 30 - viettel },
        loa: expect.objectContaining({ delivered: viettel }),
      }),
    ]);
    expect(report.carrierReports.notReported).toEqual(['vnpt', 'mobifone']);
  });

  it('exports CSV with a BOM, Vietnamese names exact and a formula-looking name kept as text', async () => {
    const viewer = await api.login('demo-viewer');
    const response = await api
      .http()
      .get(`/campaigns/${campaignId}/report?format=csv`)
      .auth(viewer, { type: 'bearer' })
      .buffer(true)
      .parse(rawText)
      .expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const text: string = response.body;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0].startsWith('Chiến dịch,"Số liệu tính đến (giờ Việt Nam, UTC+07:00)",Mã tỉnh,"Tỉnh, thành phố",Nhà mạng,Số thuê bao,')).toBe(true);
    expect(lines).toHaveLength(1 + PROVINCES.length * CARRIERS.length + 1);
    const quotedName = `"'${CAMPAIGN_NAME.replace(/"/g, '""')}"`;
    expect(lines[1].startsWith(quotedName + ',')).toBe(true);
    expect(lines.filter((line) => line.includes(',"14",Tỉnh Sơn La,Viettel,'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes(',"66",Tỉnh Đắk Lắk,VNPT (VinaPhone),'))).toHaveLength(1);
    expect(lines.at(-1)).toContain(',Tổng cộng,');
  });

  it('exports CSV for Vietnamese Excel on ?locale=vi: `;`, comma decimals, codes as text, read back by csv-parse', async () => {
    const viewer = await api.login('demo-viewer');
    const json = (await api.http().get(`/campaigns/${campaignId}/report`).auth(viewer, { type: 'bearer' }).expect(200)).body;
    const response = await api
      .http()
      .get(`/campaigns/${campaignId}/report?format=csv&locale=vi`)
      .auth(viewer, { type: 'bearer' })
      .buffer(true)
      .parse(rawText)
      .expect(200);
    expect(response.body.charCodeAt(0)).toBe(0xfeff);
    const records: string[][] = parse(response.body, { delimiter: ';', bom: true });
    expect(records[0].slice(2, 5)).toEqual(['Mã tỉnh', 'Tỉnh, thành phố', 'Nhà mạng']);
    const rateColumn = records[0].indexOf('Tỷ lệ thành công (%)');
    const first = records.find((record) => record[2] === json.rows[0].provinceCode && record[3] === json.rows[0].provinceName)!;
    expect(first[rateColumn]).toBe(String(Math.round(json.rows[0].deliveryRate * 1000) / 10).replace('.', ','));
    expect(response.body).toContain(`;"${json.rows[0].provinceCode}";`);
    const programme = await api
      .http()
      .get(`/programmes/${programmeId}/report?format=csv&locale=vi`)
      .auth(viewer, { type: 'bearer' })
      .buffer(true)
      .parse(rawText)
      .expect(200);
    expect(parse(programme.body, { delimiter: ';', bom: true })[0].slice(0, 3)).toEqual(['Chiến dịch', 'Trạng thái', 'Số thuê bao']);
    await api.http().get(`/campaigns/${campaignId}/report?format=csv&locale=fr`).auth(viewer, { type: 'bearer' }).expect(400);
  });

  it('exports XLSX read back by exceljs: one sheet per view, Vietnamese headings, the JSON figures', async () => {
    const viewer = await api.login('demo-viewer');
    const response = await api
      .http()
      .get(`/campaigns/${campaignId}/report?format=xlsx`)
      .auth(viewer, { type: 'bearer' })
      .buffer(true)
      .parse(rawBuffer)
      .expect(200);
    const json = (await api.http().get(`/campaigns/${campaignId}/report`).auth(viewer, { type: 'bearer' }).expect(200)).body;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.body);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tổng hợp',
      'Theo tỉnh và nhà mạng',
      'Diễn biến theo thời gian',
      'Lỗi',
      'Chốt tại hạn báo cáo',
      'Nhà mạng báo cáo',
    ]);
    const figures = book.getWorksheet('Theo tỉnh và nhà mạng')!;
    expect(figures.getRow(1).getCell(2).value).toBe('Tỉnh, thành phố');
    expect(figures.getRow(2).getCell(2).value).toBe(json.rows[0].provinceName);
    expect(figures.getRow(2).getCell(6).value).toBe(json.rows[0].delivered);
    const totals = figures.getRow(figures.rowCount);
    expect(totals.getCell(2).value).toBe('Tổng cộng');
    expect(totals.getCell(4).value).toBe(json.totals.targeted);
    expect(totals.getCell(6).value).toBe(json.totals.delivered);
    expect(book.getWorksheet('Tổng hợp')!.getRow(2).getCell(2).value).toBe(CAMPAIGN_NAME);
    expect(book.getWorksheet('Chốt tại hạn báo cáo')!.getRow(figures.rowCount).getCell(6).value).toBe(json.atDeadline.totals.delivered);
  });

  it('prints the HTML report in Chromium as an official document on A4, Vietnamese exact', async () => {
    const viewer = await api.login('demo-viewer');
    const html = (await api.http().get(`/campaigns/${campaignId}/report?format=html`).auth(viewer, { type: 'bearer' }).expect(200)).text;
    // Nothing to fetch: the machine has no network, and a printed report must not depend on one.
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=|url\(/);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      await page.setContent(html, { waitUntil: 'load' });
      const text = await page.innerText('body');
      expect(text).toBe(text.normalize('NFC'));
      expect(text).not.toContain('\uFFFD');
      for (const expected of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'CÔNG AN TỈNH SƠN LA',
        `Số: ${REPORT_NUMBER}`,
        'Kế hoạch số 306/KH-CAT-PA05, Công an tỉnh Sơn La báo cáo',
        'BÁO CÁO',
        'Tỉnh Sơn La',
        'Tỉnh Đắk Lắk',
        CAMPAIGN_NAME,
        'Chỉ thị số 18/CT-UBND',
        'Đại úy Trần Thị Demo',
        'Nơi nhận:',
        'Chưa báo cáo: VNPT (VinaPhone), MobiFone',
      ]) {
        expect(text).toContain(expected);
      }
      expect(await page.locator('svg rect.delivered').count()).toBeGreaterThan(1);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'campaign-report.png'), fullPage: true });
      const pdf = await page.pdf({ preferCSSPageSize: true });
      writeFileSync(join(SCREENSHOTS, 'campaign-report.pdf'), pdf);
      expectA4(pdf);
    } finally {
      await browser.close();
    }
  });

  it('consolidates the programme: each campaign, the totals and the distinct subscribers reached', async () => {
    const viewer = await api.login('demo-viewer');
    const report = (await api.http().get(`/programmes/${programmeId}/report`).auth(viewer, { type: 'bearer' }).expect(200)).body;
    const campaign = (await api.http().get(`/campaigns/${campaignId}/report`).auth(viewer, { type: 'bearer' }).expect(200)).body;
    expect(report.campaigns).toHaveLength(1);
    expect(report.totals.delivered).toBe(campaign.totals.delivered);
    const [{ reached }] = await api.dataSource.query(
      `SELECT count(DISTINCT msisdn)::int AS reached FROM messages WHERE campaign_id = $1 AND state = 'delivered'`,
      [campaignId],
    );
    expect(report.distinctSubscribersReached).toBe(reached);
    const csv = await api.http().get(`/programmes/${programmeId}/report?format=csv`).auth(viewer, { type: 'bearer' }).buffer(true).parse(rawText).expect(200);
    expect(csv.body).toContain(`Số thuê bao khác nhau đã nhận,,${reached}`);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body.split('\r\n')[1].startsWith(`"'${CAMPAIGN_NAME.replace(/"/g, '""')}",`)).toBe(true);

    const xlsx = await api
      .http()
      .get(`/programmes/${programmeId}/report?format=xlsx`)
      .auth(viewer, { type: 'bearer' })
      .buffer(true)
      .parse(rawBuffer)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp', 'Các đợt gửi', 'Theo tỉnh và nhà mạng']);
    const summary = book.getWorksheet('Tổng hợp')!;
    expect(summary.getRow(2).getCell(2).value).toBe('Tuyên truyền phòng, chống lừa đảo dịp Tết');
    expect(summary.getRow(summary.rowCount).getCell(2).value).toBe(reached);
    const campaigns = book.getWorksheet('Các đợt gửi')!;
    expect(campaigns.getRow(1).getCell(6).value).toBe('Gửi thành công');
    expect(campaigns.getRow(2).getCell(1).value).toBe(CAMPAIGN_NAME);
    expect(campaigns.getRow(2).getCell(6).value).toBe(campaign.totals.delivered);
    expect(campaigns.getRow(campaigns.rowCount).getCell(4).value).toBe(report.totals.targeted);
    const figures = book.getWorksheet('Theo tỉnh và nhà mạng')!;
    expect(figures.rowCount).toBe(1 + PROVINCES.length * CARRIERS.length + 1);
    expect(figures.getRow(figures.rowCount).getCell(6).value).toBe(report.totals.delivered);
  });

  it("prints the programme report in Chromium: each campaign's table, the subscribers reached, carriers' figures; A4, Vietnamese exact", async () => {
    const drafter = await api.login('demo-drafter');
    const [{ template_id: templateId }] = await api.dataSource.query('SELECT template_id FROM campaigns WHERE id = $1', [campaignId]);
    // A second send of the programme, in Đắk Lắk only, not started: its table is empty, its carriers have not reported.
    const later = await api
      .http()
      .post('/campaigns')
      .auth(drafter, { type: 'bearer' })
      .send({
        name: LATER_CAMPAIGN,
        templateId: Number(templateId),
        startAt: new Date(Date.now() + 86_400_000).toISOString(),
        reportDeadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        provinces: ['66'],
        programmeId,
      })
      .expect(201);
    const viewer = await api.login('demo-viewer');
    const sonLa = await api.login('son-la-viewer');
    // Deadlines honour the province scope too: the Đắk Lắk send is due for a national official only; the programme for both.
    const due = async (token: string) =>
      (await api.http().get('/reports/deadlines?days=7').auth(token, { type: 'bearer' }).expect(200)).body.map(
        (entry: { kind: string; id: number }) => `${entry.kind}:${entry.id}`,
      );
    expect(await due(viewer)).toEqual(expect.arrayContaining([`campaign:${later.body.id}`, `programme:${programmeId}`]));
    expect(await due(sonLa)).toEqual([`programme:${programmeId}`]);
    const json = (await api.http().get(`/programmes/${programmeId}/report`).auth(viewer, { type: 'bearer' }).expect(200)).body;
    expect(json.campaigns.map((campaign: { campaignName: string }) => campaign.campaignName)).toEqual([CAMPAIGN_NAME, LATER_CAMPAIGN]);
    const html = (await api.http().get(`/programmes/${programmeId}/report?format=html`).auth(viewer, { type: 'bearer' }).expect(200)).text;
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=|url\(/);
    const text = await printInChromium(html, 'programme-report');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'UBND TỈNH SƠN LA',
      'CÔNG AN TỈNH SƠN LA',
      `Số: ${REPORT_NUMBER}`,
      'Kính gửi: Chủ tịch UBND tỉnh Sơn La',
      'Kế hoạch số 306/KH-CAT-PA05, Công an tỉnh Sơn La báo cáo kết quả thực hiện chương trình',
      'Kết quả nhắn tin tuyên truyền: Tuyên truyền phòng, chống lừa đảo dịp Tết',
      'Chỉ thị số 18/CT-UBND ngày 28/11/2023 và Kế hoạch số 306/KH-UBND ngày 26/12/2023 của UBND tỉnh',
      'Chương trình gồm 2 đợt gửi tin',
      `Số thuê bao khác nhau đã nhận được tin: ${VI_INTEGER.format(json.distinctSubscribersReached)}.`,
      `3.1. Đợt gửi: ${CAMPAIGN_NAME}`,
      `3.2. Đợt gửi: ${LATER_CAMPAIGN}`,
      'Nội dung tin nhắn (mẫu tin Cảnh báo, phiên bản 1):',
      'Thời gian gửi tin: chưa gửi tin (dự kiến bắt đầu',
      'Tỉnh Sơn La',
      'Tỉnh Đắk Lắk',
      'Chưa báo cáo: VNPT (VinaPhone), MobiFone.',
      'Chưa báo cáo: Viettel, VNPT (VinaPhone), MobiFone.',
      'Cán bộ đầu mối: Đại úy Trần Thị Demo, điện thoại 0212 000 000.',
      'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
      SIGNER_NAME,
      '- Ban Giám đốc Công an tỉnh (để b/c);',
    ]) {
      expect(text).toContain(expected);
    }
    // Every text the first send sent, quoted exactly; the plan's number is not the report's.
    const sent: { body: string }[] = await api.dataSource.query('SELECT body FROM campaign_texts WHERE campaign_id = $1', [campaignId]);
    expect(sent).toHaveLength(PROVINCES.length);
    for (const { body } of sent) expect(text).toContain(body);
    expect(text).toContain('Công an tỉnh Sơn La cảnh báo');
    expect(text).not.toContain('Số: 306/KH-CAT-PA05');
    // The campaigns' table: one line each and the totals, as the JSON gives them.
    const totalsLine = text.split('\n').find((line) => line.startsWith('Tổng cộng'))!;
    expect(totalsLine.split('\t').slice(3, 6)).toEqual([json.totals.targeted, json.totals.submitted, json.totals.delivered].map((n) => VI_INTEGER.format(n)));
    expect(text).toContain('1234/VTT-KD');

    // A provincial official gets what the JSON gives them: their province's rows, no campaign outside it, no carrier-wide figures.
    const scoped = (await api.http().get(`/programmes/${programmeId}/report`).auth(sonLa, { type: 'bearer' }).expect(200)).body;
    expect(scoped.campaigns).toHaveLength(1);
    expect(scoped.campaigns[0].carrierReports).toBeNull();
    expect(new Set(scoped.rows.map((row: Row) => row.provinceCode))).toEqual(new Set(['14']));
    const scopedHtml = (await api.http().get(`/programmes/${programmeId}/report?format=html`).auth(sonLa, { type: 'bearer' }).expect(200)).text;
    const scopedText = await printInChromium(scopedHtml, 'programme-report-son-la');
    expect(scopedText).toContain('Sơn La, ngày');
    expect(scopedText).toContain('Tỉnh Sơn La');
    expect(scopedText).toContain('Chương trình gồm 1 đợt gửi tin');
    expect(scopedText).toContain(
      `Tổng số lượt thuê bao: ${VI_INTEGER.format(scoped.totals.targeted)}; gửi thành công: ${VI_INTEGER.format(scoped.totals.delivered)} tin`,
    );
    for (const hidden of ['Tỉnh Đắk Lắk', LATER_CAMPAIGN, 'Chưa báo cáo', '1234/VTT-KD']) expect(scopedText).not.toContain(hidden);
    await api.http().get(`/programmes/${programmeId}/report?format=pdf`).auth(viewer, { type: 'bearer' }).expect(400);
  });

  it('writes every document in Vietnamese and +07:00: no state or action code, each time with its offset', async () => {
    const viewer = await api.login('demo-viewer');
    const download = async (path: string) => (await api.http().get(path).auth(viewer, { type: 'bearer' }).buffer(true).parse(rawBuffer).expect(200)).body;
    const faults: string[] = [];
    for (const base of [`/campaigns/${campaignId}/report`, `/programmes/${programmeId}/report`]) {
      faults.push(...csvFaults((await download(`${base}?format=csv`)).toString('utf8')).map((fault) => `${base} csv: ${fault}`));
      faults.push(
        ...csvFaults((await download(`${base}?format=csv&locale=vi`)).toString('utf8'), { delimiter: ';' }).map((fault) => `${base} csv vi: ${fault}`),
      );
      faults.push(...(await xlsxFaults(await download(`${base}?format=xlsx`))).map((fault) => `${base} xlsx: ${fault}`));
      const html = (await download(`${base}?format=html`)).toString('utf8');
      const text = html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
      expect(text).toContain('giờ Việt Nam, UTC+07:00');
      faults.push(...htmlTextFaults(text).map((fault) => `${base} html: ${fault}`));
    }
    // The audit log of everything this file did (campaign moves, templates, the programme, carriers' figures).
    const approver = await api.login('demo-approver');
    const audit = (await api.http().get('/audit?format=csv&locale=vi&limit=500').auth(approver, { type: 'bearer' }).expect(200)).text;
    const records: string[][] = parse(audit, { delimiter: ';', bom: true });
    expect(records.length).toBeGreaterThan(5);
    expect(records.map((record) => record[3])).toEqual(expect.arrayContaining(['Hành động', 'Duyệt (lên lịch) chiến dịch', 'Ghi số liệu nhà mạng báo cáo']));
    expect(records.slice(1).every((record) => record[1].endsWith('+07:00'))).toBe(true);
    faults.push(...csvFaults(audit, { delimiter: ';', exempt: [AUDIT_CODE_HEADING] }).map((fault) => `audit csv: ${fault}`));
    expect(faults).toEqual([]);
    // The JSON keeps its codes, with the Vietnamese beside them where a person reads them.
    const json = (await api.http().get(`/campaigns/${campaignId}/report`).auth(viewer, { type: 'bearer' }).expect(200)).body;
    expect({ state: json.state, stateLabel: json.stateLabel }).toEqual({ state: 'completed', stateLabel: 'Hoàn thành' });
  });
});

/**
 * Opens a report in headless Chromium, saves a screenshot and an A4 PDF of it under test-output/, checks the
 * PDF's pages are A4, and returns the text of the rendered page (checked NFC and free of replacement characters).
 */
async function printInChromium(html: string, name: string): Promise<string> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    await page.setContent(html, { waitUntil: 'load' });
    const text = await page.innerText('body');
    expect(text).toBe(text.normalize('NFC'));
    expect(text).not.toContain('\uFFFD');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    writeFileSync(join(SCREENSHOTS, `${name}.pdf`), pdf);
    expectA4(pdf);
    return text;
  } finally {
    await browser.close();
  }
}

/** A4 is 210 × 297 mm: 595.3 × 841.9 points (Chromium rounds to its own units). */
function expectA4(pdf: Buffer): void {
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((box) => [Number(box[1]), Number(box[2])]);
  expect(boxes.length).toBeGreaterThan(0);
  for (const [width, height] of boxes) {
    expect(Math.abs(width - 595.3)).toBeLessThan(1);
    expect(Math.abs(height - 841.9)).toBeLessThan(1);
  }
}

interface ByteStream {
  on(event: string, listener: (chunk: Buffer) => void): unknown;
}

function rawBuffer(response: ByteStream, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

function rawText(response: ByteStream, callback: (error: Error | null, body: string) => void): void {
  rawBuffer(response, (error, body) => callback(error, body.toString('utf8')));
}
