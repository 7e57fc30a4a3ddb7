import { DispatcherModule } from '@loa/dispatcher';
import { LOST_ANSWER, type SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, reportTotals, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';

const BODY = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai.';
const SUBSCRIBERS = 24;
// Every 4th submit on a connection reaches the handset, but its submit_sm_resp is lost on the way back.
const LOST_EVERY = 4;

/** Submits the carrier answered nothing to, what Loa recorded for those messages, and their receipts. */
describe('submits the carrier never answered, receipts that never come, and subscribers who reply', () => {
  let api: TestApi;
  let viettel: SmscSimulator;
  let vnpt: SmscSimulator;

  beforeAll(async () => {
    viettel = await simulatedCarrier('viettel', { lostResponseEvery: LOST_EVERY, receiptDelayMs: [5, 20], outcomes: { DELIVRD: 1 } });
    // VNPT takes everything and receipts nothing within the test: those messages wait for the sweep.
    vnpt = await simulatedCarrier('vnpt', { receiptDelayMs: [600_000, 600_000], outcomes: { DELIVRD: 1 } });
    const carriers = [simulatedAccount('viettel', viettel.port, { requestTimeoutSeconds: 1, dlrIdFormat: 'hex-to-dec' }), simulatedAccount('vnpt', vnpt.port)];
    const dispatcher = { idleMs: 50, retry: { ambiguousResendSeconds: 1 }, orphanReceiptWaitSeconds: 1, unmatchedReceiptSeconds: 5, receiptGraceSeconds: 0 };
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher })] });
    await seedSubscribers(api, 'viettel', '14', 84_960_000_000, SUBSCRIBERS);
    await seedSubscribers(api, 'vnpt', '66', 84_910_000_000, 10);
  });

  afterAll(async () => {
    await api?.close();
    await viettel?.stop();
    await vnpt?.stop();
  });

  beforeEach(() => viettel.reset());

  it('await-receipt: sends each message once and ends the unanswered ones by their receipts, matched by number', async () => {
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['14'], carriers: ['viettel'], onAmbiguous: 'await-receipt' });
    await waitForCompletion(api, campaignId);

    const destinations = viettel.received.map((submit) => submit.destination);
    expect(destinations).toHaveLength(SUBSCRIBERS);
    expect(new Set(destinations).size).toBe(SUBSCRIBERS);
    const lost = viettel.received
      .filter((submit) => submit.status === LOST_ANSWER)
      .map((submit) => submit.destination)
      .sort();
    expect(lost.length).toBeGreaterThan(0);

    const unanswered: { msisdn: string; state: string }[] = await api.dataSource.query(
      `SELECT msisdn::text, state FROM messages WHERE campaign_id = $1 AND last_error IS NOT NULL ORDER BY msisdn`,
      [campaignId],
    );
    expect(unanswered.map((row) => row.msisdn)).toEqual(lost);
    expect(unanswered.every((row) => row.state === 'delivered')).toBe(true);
    expect(await reportTotals(api, campaignId)).toMatchObject({ targeted: SUBSCRIBERS, delivered: SUBSCRIBERS, unknown: 0, pending: 0 });
  });

  it('resend: sends the unanswered ones again, and every submit the carrier saw is an attempt Loa counted', async () => {
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['14'], carriers: ['viettel'], onAmbiguous: 'resend' });
    await waitForCompletion(api, campaignId);

    expect(viettel.received.length).toBeGreaterThan(SUBSCRIBERS);
    expect(new Set(viettel.received.map((submit) => submit.destination)).size).toBe(SUBSCRIBERS);
    const [{ attempts }] = await api.dataSource.query(`SELECT sum(attempts)::int AS attempts FROM messages WHERE campaign_id = $1`, [campaignId]);
    expect(attempts).toBe(viettel.received.length);
    const totals = await reportTotals(api, campaignId);
    expect(totals.delivered + totals.unknown).toBe(SUBSCRIBERS);
    expect(totals.pending).toBe(0);
    // Each lost answer was a copy the carrier took and receipted under an id Loa never learnt: once those
    // receipts are retired unmatched, the report counts every message that reached the handset twice.
    const twice = new Set(viettel.received.filter((submit) => submit.status === LOST_ANSWER).map((submit) => submit.destination));
    expect(twice.size).toBeGreaterThan(0);
    await pollUntil(
      () => reportTotals(api, campaignId),
      (t) => t.duplicated === twice.size,
      { timeoutMs: 20_000, what: `${twice.size} duplicated` },
    );
    const marked: { msisdn: string }[] = await api.dataSource.query(`SELECT msisdn::text FROM messages WHERE campaign_id = $1 AND duplicated`, [campaignId]);
    expect(new Set(marked.map((row) => row.msisdn))).toEqual(twice);
  });

  it('ends as unknown the messages whose receipt has not come within the validity, counters included', async () => {
    const campaignId = await approvedCampaign(api, BODY, { provinces: ['66'], carriers: ['vnpt'], validityHours: 1 });
    await pollUntil(
      () => reportTotals(api, campaignId),
      (totals) => totals.submitted === 10,
      { timeoutMs: 20_000, what: 'all 10 submitted' },
    );
    await api.dataSource.query(`UPDATE messages SET submitted_at = now() - interval '61 minutes' WHERE campaign_id = $1`, [campaignId]);

    await waitForCompletion(api, campaignId);
    expect(await reportTotals(api, campaignId)).toMatchObject({ targeted: 10, submitted: 10, delivered: 0, unknown: 10, pending: 0 });
    const errors = await api.dataSource.query(`SELECT DISTINCT last_error FROM messages WHERE campaign_id = $1`, [campaignId]);
    expect(errors).toEqual([{ last_error: 'no delivery receipt within the validity period' }]);
  });

  it('retires receipts that match no message as unmatched, kept raw, and leaves matched ones alone', async () => {
    const stored: { id: string }[] = await api.dataSource.query(`
      INSERT INTO delivery_receipts (carrier, smsc_message_id, receipt_state, raw, msisdn, received_at)
      VALUES ('viettel', '999999999', 'DELIVRD', 'id:999999999 stat:DELIVRD', 84960000001, now() - interval '1 hour'),
             ('vnpt', NULL, NULL, 'garbled ###', NULL, now() - interval '1 hour')
      RETURNING id`);
    const ids = stored.map((row) => row.id);
    const retired = await pollUntil(
      () => api.dataSource.query(`SELECT raw, unmatched FROM delivery_receipts WHERE id = ANY($1) AND applied_at IS NOT NULL ORDER BY id`, [ids]),
      (rows: unknown[]) => rows.length === 2,
      { what: 'both receipts retired' },
    );
    expect(retired).toEqual([
      { raw: 'id:999999999 stat:DELIVRD', unmatched: true },
      { raw: 'garbled ###', unmatched: true },
    ]);
    const [{ wrongly }] = await api.dataSource.query(`
      SELECT count(*)::int AS wrongly FROM delivery_receipts d
      JOIN submissions s ON s.carrier = d.carrier AND s.smsc_message_id = d.smsc_message_id WHERE d.unmatched`);
    expect(wrongly).toBe(0);
  });

  it('counts a message sent twice after a lost dispatcher once the carrier receipts its first copy', async () => {
    // A message of the campaigns above, as if requeued after its lease expired (what a dead dispatcher leaves),
    // on a number no other message was sent to without an answer (the resend campaign's are counted already).
    const [message] = await api.dataSource.query(`
      SELECT m.campaign_id, m.id, m.msisdn::text FROM messages m
      WHERE m.carrier = 'viettel' AND NOT EXISTS (
        SELECT 1 FROM messages o WHERE o.carrier = m.carrier AND o.msisdn = m.msisdn AND (o.unconfirmed_sends > 0 OR o.duplicated))
      ORDER BY m.campaign_id, m.id LIMIT 1`);
    expect(message).toBeDefined();
    await api.dataSource.query(`UPDATE messages SET unconfirmed_sends = 1 WHERE campaign_id = $1 AND id = $2`, [message.campaign_id, message.id]);
    const before = (await reportTotals(api, Number(message.campaign_id))).duplicated;
    // Two receipts for its first copy (two parts, or a receipt sent twice): an SMSC id Loa never recorded.
    const stored: { id: string }[] = await api.dataSource.query(
      `
      INSERT INTO delivery_receipts (carrier, smsc_message_id, receipt_state, raw, msisdn, received_at)
      VALUES ('viettel', '888888881', 'DELIVRD', 'id:888888881 stat:DELIVRD', $1, now() - interval '1 hour'),
             ('viettel', '888888882', 'DELIVRD', 'id:888888882 stat:DELIVRD', $1, now() - interval '1 hour')
      RETURNING id`,
      [message.msisdn],
    );
    await pollUntil(
      () => api.dataSource.query(`SELECT 1 FROM delivery_receipts WHERE id = ANY($1) AND unmatched`, [stored.map((row) => row.id)]),
      (rows: unknown[]) => rows.length === 2,
      { what: 'both receipts retired' },
    );
    expect((await reportTotals(api, Number(message.campaign_id))).duplicated).toBe(before + 1);
    const marked = await api.dataSource.query(`SELECT msisdn::text FROM messages WHERE campaign_id = $1 AND duplicated`, [message.campaign_id]);
    expect(marked).toEqual([{ msisdn: message.msisdn }]);
  });

  it('keeps what a subscriber sends to the brandname as an inbound message', async () => {
    await pollUntil(
      async () => viettel.connectionCount,
      (count) => count > 0,
      { what: 'a bound viettel session' },
    );
    viettel.sendInbound('loa_viettel', '84960000001', 'CONGAN', 'Tôi đã nhận được cảnh báo, cảm ơn.');
    const rows = await pollUntil(
      () => api.dataSource.query(`SELECT carrier, source_addr, dest_addr, body, data_coding FROM inbound_messages`),
      (found: unknown[]) => found.length > 0,
      { what: 'the inbound message stored' },
    );
    expect(rows).toEqual([{ carrier: 'viettel', source_addr: '84960000001', dest_addr: 'CONGAN', body: 'Tôi đã nhận được cảnh báo, cảm ơn.', data_coding: 8 }]);
  });
});
