import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger as NestLogger } from '@nestjs/common';
import { DispatcherModule } from '@loa/dispatcher';
import { SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { createTestApi, TEST_JWT_SECRET, TEST_PASSWORD, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, seedSubscribers, simulatedAccount, waitForCompletion } from '../../dispatcher/test/campaign-harness';
import { LoaLogger, loggingModule, maskSubscriberNumbers } from '../src/logging';

const SMPP_PASSWORD = 'smpp-Secret-7';
const SUBSCRIBERS = 30;
const FIRST_NUMBER = 84_912_300_000;
const BODY = 'Công an {{province.name}} cảnh báo: không đưa mã OTP cho ai.';

describe('logs and metrics of a whole campaign', () => {
  let api: TestApi;
  let simulator: SmscSimulator;
  const lines: string[] = [];

  beforeAll(async () => {
    // 10 submits a second at the SMSC, 100 from the account: the SMSC throttles, the link pauses.
    simulator = await SmscSimulator.start({
      port: 0,
      accounts: [{ systemId: 'loa_viettel', password: SMPP_PASSWORD }],
      profile: { name: 'viettel', tps: 10, throttle: true, receiptDelayMs: [5, 20], outcomes: { DELIVRD: 3, UNDELIV: 1 } },
    });
    const carriers = [simulatedAccount('viettel', simulator.port, { password: SMPP_PASSWORD, tps: 100, window: 10, dlrIdFormat: 'hex-to-dec' })];
    api = await createTestApi({
      carriers: ['viettel'],
      imports: [
        loggingModule({ format: 'json', level: 'debug', destination: { write: (line: string) => void lines.push(line) } }),
        DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50, statusIntervalMs: 200 } }),
      ],
    });
    api.app.useLogger(api.app.get(LoaLogger));
    await seedSubscribers(api, 'viettel', '14', FIRST_NUMBER, SUBSCRIBERS);
  });

  afterAll(async () => {
    await api?.close();
    await simulator?.stop();
  });

  it('counts answers, receipts, throttling, latency, queues and requests in /metrics', async () => {
    await api.http().get('/metrics').expect(200); // the first scrape starts the latency window
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['14'] });
    await waitForCompletion(api, campaignId);

    const metrics = await pollUntil(
      async () => (await api.http().get('/metrics')).text,
      (text) => new RegExp(`^loa_receipt_latency_seconds_count\\{carrier="viettel"\\} ${SUBSCRIBERS}$`, 'm').test(text),
      { timeoutMs: 15_000, intervalMs: 300, what: 'every receipt in the latency histogram' },
    );

    expect(metrics).toMatch(/^loa_carrier_submit_answers_total\{carrier="viettel",command_status="0x00000000"\} 30$/m);
    expect(metrics).toMatch(/^loa_carrier_submit_answers_total\{carrier="viettel",command_status="0x00000058"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^loa_carrier_throttle_pauses_total\{carrier="viettel"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^loa_carrier_receipts_by_stat_total\{carrier="viettel",stat="DELIVRD"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^loa_carrier_receipts_by_stat_total\{carrier="viettel",stat="UNDELIV"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^loa_carrier_pdus_sent_total\{carrier="viettel"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^loa_carrier_tps\{carrier="viettel"\} 100$/m);
    expect(metrics).toMatch(/^loa_carrier_window\{carrier="viettel"\} 10$/m);
    expect(metrics).toMatch(/^loa_receipt_latency_seconds_bucket\{carrier="viettel",le="\+Inf"\} 30$/m);
    expect(metrics).toMatch(/^# TYPE loa_receipt_latency_seconds histogram$/m);
    expect(metrics).toMatch(/^# TYPE loa_queued_messages gauge$/m);
    expect(metrics).toMatch(/^loa_http_request_duration_seconds_count\{method="POST",route="\/campaigns\/:id\/approve",status_code="200"\} 1$/m);
    const grafana = readFileSync(join(process.cwd(), 'apps', 'api', 'grafana', 'loa-dashboard.json'), 'utf8');
    const charted = new Set(grafana.match(/loa_[a-z_]+/g));
    expect(charted.size).toBeGreaterThan(10);
    for (const name of charted) expect(metrics).toContain(name);
  });

  it('shows the queue of the running campaigns per carrier, naming no campaign', async () => {
    await api.dataSource.query(`UPDATE campaigns SET state = 'paused'`);
    await api.dataSource.query(`UPDATE messages SET state = 'queued' WHERE msisdn = $1`, [FIRST_NUMBER]);

    const metrics = (await api.http().get('/metrics')).text;

    expect(metrics).toMatch(/^loa_queued_messages\{carrier="viettel"\} 1$/m);
    expect(metrics).not.toMatch(/campaign_id/);
    await api.dataSource.query(`UPDATE messages SET state = 'delivered' WHERE msisdn = $1`, [FIRST_NUMBER]);
    await api.dataSource.query(`UPDATE campaigns SET state = 'completed'`);
  });

  it('logged the campaign as JSON lines, with request, carrier and campaign ids, and no secret or subscriber number', async () => {
    await api.http().post('/auth/login').send({ username: 'demo-viewer', password: 'not-the-password' }).expect(401);
    new NestLogger('Dispatcher:viettel').warn({ msg: `${FIRST_NUMBER + 7} refused`, msisdn: FIRST_NUMBER + 7 });
    await simulator.stop(); // the carrier link's own logger says so, in the same format
    await pollUntil(
      async () => lines.join(''),
      (log) => /CarrierLink:viettel[^\n]*lost/.test(log),
      { what: "the carrier link's line" },
    );
    const log = lines.join('');
    const entries = lines.map((line) => JSON.parse(line));

    expect(entries.some((entry) => entry.context === 'CarrierLink:viettel' && entry.carrier === 'viettel' && /lost/.test(entry.msg))).toBe(true);
    expect(entries.some((entry) => entry.context === 'Dispatcher:viettel' && entry.carrier === 'viettel' && entry.msisdn === '[redacted]')).toBe(true);
    expect(entries.some((entry) => typeof entry.campaignId === 'number' && /materialised/.test(entry.msg))).toBe(true);
    expect(entries.some((entry) => typeof entry.reqId === 'string' && entry.req?.url === '/auth/login' && entry.res?.statusCode === 401)).toBe(true);
    expect(log).toContain('84******007 refused');
    expect(log).not.toContain(SMPP_PASSWORD);
    expect(log).not.toContain(TEST_JWT_SECRET);
    expect(log).not.toContain(TEST_PASSWORD);
    expect(log).not.toContain('not-the-password');
    expect(log).not.toMatch(/Bearer ey/);
    for (let n = 0; n < SUBSCRIBERS; n++) expect(log).not.toContain(String(FIRST_NUMBER + n));
  });
});

describe(maskSubscriberNumbers.name, () => {
  it('keeps only the last three digits of Vietnamese mobile numbers, and leaves other numbers alone', () => {
    expect(maskSubscriberNumbers('84912345678 and 0912345678, campaign 12, 2026')).toBe('84******678 and 0******678, campaign 12, 2026');
  });
});
