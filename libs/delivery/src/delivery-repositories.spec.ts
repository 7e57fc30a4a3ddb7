import { DataSource } from 'typeorm';
import { CARRIERS } from '@loa/common';
import { createTestDatabase, type TestDatabase } from '@loa/testing';
import { type DeliveryRepositories, deliveryRepositories } from './delivery-repositories';
import { type ClaimedMessage, type RunningCampaign, type StateChange, type SubmittedPart } from './delivery.types';
import { BUCKET_COUNTERS } from './campaign-stats.sql';
import { CAMPAIGN_STATES } from './campaign-states';
import { AMBIGUOUS_POLICIES, FINAL_STATES, MESSAGE_STATES, NEVER_SENT_STATES } from './message-states';

const CARRIER = 'viettel';
const FIRST_MSISDN = 84960000000;

/**
 * The message state machine on a real PostgreSQL: claims, outcomes, receipts, duplicates and cancel, each
 * checked against the counters and a recount of the messages (counterMismatches).
 */
describe('the delivery repositories: queue, outcomes, receipts, counters', () => {
  let database: TestDatabase;
  let db: DataSource;
  let delivery: DeliveryRepositories;
  let nextCampaign = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: database.url, extra: { max: 6 } });
    await db.initialize();
    delivery = deliveryRepositories(db);
    await db.query(`INSERT INTO provinces (code, name, slug, kind) VALUES ('14', 'Tỉnh Sơn La', 'son-la', 'province')`);
    await db.query(`INSERT INTO users (id, username, password_hash, role) VALUES (1, 'drafter', 'x', 'drafter')`);
    await db.query(`INSERT INTO templates (id, family_id, version, name, body, encoding_policy, max_segments, status, author_id)
      VALUES (1, 1, 1, 'Cảnh báo', 'Cảnh báo lừa đảo', 'auto', 3, 'approved', 1)`);
  });

  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  /** A running campaign of `size` subscribers (one carrier, one province), queued; its first message has msisdn FIRST_MSISDN + offset. */
  async function runningCampaign(size: number, policy: RunningCampaign['onAmbiguous'] = 'resend'): Promise<RunningCampaign> {
    const id = ++nextCampaign;
    const offset = id * 1000;
    await db.query(
      `INSERT INTO campaigns (id, name, template_id, provinces, carriers, state, start_at, created_by, on_ambiguous)
      VALUES ($1, 'test', 1, '{14}', '{viettel}', 'running', now(), 1, $2)`,
      [id, policy],
    );
    await db.query(`INSERT INTO campaign_texts (campaign_id, province_code, body, encoding, segments) VALUES ($1, '14', 'Cảnh báo lừa đảo', 'ucs2', 1)`, [id]);
    // This campaign's audience only: the subscribers of earlier ones opt out.
    await db.query(`UPDATE subscribers SET status = 'opted_out'`);
    await db.query(`INSERT INTO subscribers (msisdn, carrier, province_code) SELECT $1::bigint + n, 'viettel', '14' FROM generate_series(1, $2) n`, [
      FIRST_MSISDN + offset,
      size,
    ]);
    const queued = await db.transaction((manager) => delivery.queue.enqueueCampaign(id, ['14'], [CARRIER], manager));
    expect(queued).toBe(size);
    return { id, validityHours: 24, onAmbiguous: policy };
  }

  const claimAll = (campaign: RunningCampaign, limit = 1000) => delivery.queue.claim(campaign, CARRIER, 0, limit, 60);
  const accepted = (message: ClaimedMessage, ids: string[], extra: Partial<StateChange> = {}): [StateChange, SubmittedPart[]] => [
    {
      campaignId: message.campaignId,
      id: message.id,
      state: 'submitted',
      resend: message.unconfirmedSends > 0,
      sent: { acceptedMask: (1 << ids.length) - 1, parts: ids.length, reference: ids.length > 1 ? 9 : null, newReference: true, billed: ids.length },
      ...extra,
    },
    ids.map((smscMessageId, index) => ({ campaignId: message.campaignId, messageId: message.id, smscMessageId, part: index + 1, parts: ids.length })),
  ];
  /** A one-part message sent without an answer, back to the queue to go again after `seconds` (policy resend). */
  const unanswered = (message: ClaimedMessage, seconds: number): [StateChange, SubmittedPart[]] => [
    {
      campaignId: message.campaignId,
      id: message.id,
      state: 'queued',
      unconfirmedSend: true,
      retryAfterSeconds: seconds,
      sent: { acceptedMask: 0, parts: 1, reference: null, newReference: true, billed: 0 },
    },
    [],
  ];
  const record = async (entries: [StateChange, SubmittedPart[]][]) =>
    delivery.outcomes.recordOutcomes(
      entries.map(([c]) => c),
      entries.flatMap(([, s]) => s),
      CARRIER,
    );
  const receipt = (smscMessageId: string | null, msisdn: string, state = 'DELIVRD', errorCode = '000') => ({
    carrier: CARRIER,
    smscMessageId,
    msisdn,
    state,
    errorCode,
    doneAt: new Date(),
    raw: `id:${smscMessageId} stat:${state}`,
  });
  const states = async (campaignId: number) =>
    Object.fromEntries(
      (await db.query(`SELECT state, count(*)::int AS n FROM messages WHERE campaign_id = $1 GROUP BY 1`, [campaignId])).map(
        (r: { state: string; n: number }) => [r.state, r.n],
      ),
    );
  const stats = async (campaignId: number) =>
    (
      await db.query(
        `SELECT sum(targeted)::int AS targeted, sum(submitted)::int AS submitted, sum(delivered)::int AS delivered, sum(failed)::int AS failed, sum(cancelled)::int AS cancelled, sum(duplicated)::int AS duplicated, sum(parts_billed)::int AS billed FROM campaign_stats WHERE campaign_id = $1`,
        [campaignId],
      )
    )[0];
  const messageRow = async (campaignId: number, id: number) =>
    (
      await db.query(`SELECT state, unconfirmed_sends, duplicated, parts_billed, parts_accepted, attempts FROM messages WHERE campaign_id = $1 AND id = $2`, [
        campaignId,
        id,
      ])
    )[0];
  const expectCountersExact = async () => {
    expect(await delivery.counters.counterMismatches()).toEqual([]);
    expect(await delivery.counters.bucketMismatches()).toEqual([]);
  };

  it('lists the same states as the database CHECK on messages.state', async () => {
    const [{ definition }] = await db.query(`SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'messages_state_check'`);
    expect([...definition.matchAll(/'([a-z_]+)'::text/g)].map((match) => match[1]).sort()).toEqual([...MESSAGE_STATES].sort());
  });

  it.each([
    ['carriers', 'subscribers_carrier_check', CARRIERS],
    ['ambiguous-submit policies', 'campaigns_on_ambiguous_check', AMBIGUOUS_POLICIES],
    ['campaign states', 'campaigns_state_check', CAMPAIGN_STATES],
  ])('lists the same %s as the database CHECK %s', async (_what, constraint, values) => {
    const [{ definition }] = await db.query(`SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = $1`, [constraint]);
    expect([...definition.matchAll(/'([a-z_-]+)'::text/g)].map((match) => match[1]).sort()).toEqual([...values].sort());
  });

  it('gives concurrent claims disjoint messages, each leased once with its attempt counted', async () => {
    const campaign = await runningCampaign(300);
    const claims = await Promise.all([1, 2, 3].map(() => delivery.queue.claim(campaign, CARRIER, 0, 150, 60)));
    const ids = claims.flat().map((message) => message.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(300);
    expect(await states(campaign.id)).toEqual({ sending: 300 });
    expect(claims.flat().every((message) => message.attempts === 1)).toBe(true);
  });

  it('records an outcome once however often it is written, and applies a receipt that came before its response', async () => {
    const campaign = await runningCampaign(2);
    const [early, late] = await claimAll(campaign);
    await delivery.receipts.storeReceipts([receipt('E-1', early.msisdn)]);
    expect(await delivery.receipts.applyReceipts(100)).toBe(0); // its submission is not known yet: the receipt waits
    const outcomes = [accepted(early, ['E-1']), accepted(late, ['L-1'])];
    await record(outcomes);
    await record(outcomes);
    expect(await delivery.receipts.applyReceipts(100)).toBe(1);
    expect(await states(campaign.id)).toEqual({ delivered: 1, submitted: 1 });
    expect(await stats(campaign.id)).toMatchObject({ targeted: 2, submitted: 2, delivered: 1, billed: 2, duplicated: 0 });
    await expectCountersExact();
  });

  it('ends a one-part message at once with a receipt that came with its answer, or that came after it', async () => {
    const campaign = await runningCampaign(2);
    const [together, after] = await claimAll(campaign);
    const [togetherChange, togetherParts] = accepted(together, ['T-1'], { state: 'delivered', receipted: true });
    await delivery.outcomes.recordOutcomes([togetherChange, accepted(after, ['A-1'])[0]], [...togetherParts, ...accepted(after, ['A-1'])[1]], CARRIER, [
      receipt('T-1', together.msisdn),
    ]);
    await delivery.receipts.storeReceipts([receipt('A-1', after.msisdn, 'EXPIRED')]);
    expect(await states(campaign.id)).toEqual({ delivered: 1, expired: 1 });
    const [{ unapplied }] = await db.query(
      `SELECT count(*)::int AS unapplied FROM delivery_receipts WHERE smsc_message_id IN ('T-1', 'A-1') AND applied_at IS NULL`,
    );
    expect(unapplied).toBe(0);
    expect(await stats(campaign.id)).toMatchObject({ submitted: 2, delivered: 1, billed: 2 });
    await expectCountersExact();
  });

  it('ends a long message only when every part has its receipt, delivered only if every part was', async () => {
    const campaign = await runningCampaign(2);
    const [whole, broken] = await claimAll(campaign);
    await record([accepted(whole, ['W-1', 'W-2']), accepted(broken, ['B-1', 'B-2'])]);
    await delivery.receipts.storeReceipts([receipt('W-1', whole.msisdn), receipt('B-1', broken.msisdn)]);
    await delivery.receipts.applyReceipts(100);
    expect(await states(campaign.id)).toEqual({ submitted: 2 });
    await delivery.receipts.storeReceipts([receipt('W-2', whole.msisdn), receipt('B-2', broken.msisdn, 'UNDELIV')]);
    await delivery.receipts.applyReceipts(100);
    expect(await states(campaign.id)).toEqual({ delivered: 1, undeliverable: 1 });
    expect(await stats(campaign.id)).toMatchObject({ billed: 4 });
    await expectCountersExact();
  });

  it("gives a long message's reason as its failing part's receipt stat and err, whichever batch applied that part", async () => {
    const campaign = await runningCampaign(3);
    const [expired, undelivered, deleted] = await claimAll(campaign);
    await record([accepted(expired, ['XE-1', 'XE-2', 'XE-3']), accepted(undelivered, ['XU-1', 'XU-2', 'XU-3']), accepted(deleted, ['XD-1', 'XD-2', 'XD-3'])]);
    await delivery.receipts.storeReceipts([
      receipt('XE-1', expired.msisdn, 'UNDELIV', '001'),
      receipt('XU-1', undelivered.msisdn, 'UNDELIV', '069'),
      receipt('XD-1', deleted.msisdn, 'DELETED', '005'),
    ]);
    await delivery.receipts.applyReceipts(100);
    await delivery.receipts.storeReceipts([
      receipt('XE-2', expired.msisdn),
      receipt('XE-3', expired.msisdn, 'EXPIRED', '027'),
      ...['XU-2', 'XU-3'].map((id) => receipt(id, undelivered.msisdn)),
      ...['XD-2', 'XD-3'].map((id) => receipt(id, deleted.msisdn)),
    ]);
    await delivery.receipts.applyReceipts(100);
    expect(await states(campaign.id)).toEqual({ expired: 1, undeliverable: 2 });
    const reasons = await db.query(`SELECT state, reason, messages FROM campaign_errors WHERE campaign_id = $1 ORDER BY reason`, [campaign.id]);
    expect(reasons).toEqual([
      { state: 'undeliverable', reason: 'stat:DELETED err:005', messages: 1 },
      { state: 'expired', reason: 'stat:EXPIRED err:027', messages: 1 },
      { state: 'undeliverable', reason: 'stat:UNDELIV err:069', messages: 1 },
    ]);
    const [{ last_error: lastError }] = await db.query(`SELECT last_error FROM messages WHERE campaign_id = $1 AND id = $2`, [campaign.id, expired.id]);
    expect(lastError).toBe('stat:EXPIRED err:027');
    await expectCountersExact();
  });

  it('refuses a batch that asks for a move the state machine does not allow, and changes nothing', async () => {
    const campaign = await runningCampaign(1);
    const [message] = await claimAll(campaign);
    await expect(record([[{ campaignId: campaign.id, id: message.id, state: 'sending' }, []]])).rejects.toThrow(/sending -> sending is not a transition/);
    expect(await states(campaign.id)).toEqual({ sending: 1 });
  });

  it('matches by number the receipt of a message sent without an answer (policy await-receipt)', async () => {
    const campaign = await runningCampaign(1, 'await-receipt');
    const [message] = await claimAll(campaign);
    await record([
      [
        {
          campaignId: campaign.id,
          id: message.id,
          state: 'submitted',
          awaitingReceiptParts: 1,
          sent: { acceptedMask: 0, parts: 1, reference: null, newReference: true, billed: 0 },
        },
        [],
      ],
    ]);
    await delivery.receipts.storeReceipts([receipt('X-9', message.msisdn)]);
    expect(await delivery.receipts.matchReceiptsByNumber(100, { responseWaitSeconds: 0, ambiguityWindowSeconds: 60 })).toBe(1);
    await delivery.receipts.applyReceipts(100);
    expect(await states(campaign.id)).toEqual({ delivered: 1 });
    await expectCountersExact();
  });

  describe('duplicates', () => {
    it('counts a copy sent before a lost lease once its receipt is retired unmatched, and a receipt sent again adds nothing', async () => {
      const campaign = await runningCampaign(2);
      const [lost, fine] = await claimAll(campaign);
      await db.query(`UPDATE messages SET lease_until = now() - interval '1 second' WHERE campaign_id = $1`, [campaign.id]);
      expect(await delivery.queue.requeueExpiredLeases()).toBeGreaterThanOrEqual(2);
      const resent = await claimAll(campaign);
      expect(resent.map((m) => m.unconfirmedSends)).toEqual([1, 1]);
      await record([accepted(resent[0], ['R-1']), accepted(resent[1], ['R-2'])]);
      // The carrier had the first copy of `lost` (its id never recorded), not of `fine`; its receipt comes twice.
      await delivery.receipts.storeReceipts([
        receipt('R-1', lost.msisdn),
        receipt('R-2', fine.msisdn),
        receipt('FIRST', lost.msisdn),
        receipt('FIRST', lost.msisdn),
      ]);
      await delivery.receipts.applyReceipts(100);
      const { duplicated } = await delivery.receipts.retireUnmatchedReceipts(0, 100);
      expect(duplicated).toBe(1);
      expect(await messageRow(campaign.id, lost.id)).toMatchObject({ duplicated: true, parts_billed: 2 });
      expect(await messageRow(campaign.id, fine.id)).toMatchObject({ duplicated: false, parts_billed: 1 });
      await delivery.receipts.storeReceipts([receipt('FIRST', lost.msisdn)]);
      await delivery.receipts.retireUnmatchedReceipts(0, 100);
      expect(await stats(campaign.id)).toMatchObject({ duplicated: 1, billed: 3, delivered: 2 });
      await expectCountersExact();
    });

    it('takes a late answer for a message waiting to go again as its send: no resend, no duplicate', async () => {
      const campaign = await runningCampaign(1);
      const [message] = await claimAll(campaign);
      await record([unanswered(message, 30)]);
      await delivery.outcomes.recordLateAccepts([{ campaignId: campaign.id, messageId: message.id, smscMessageId: 'LATE', part: 1, parts: 1 }], CARRIER);
      expect(await messageRow(campaign.id, message.id)).toMatchObject({ state: 'submitted', unconfirmed_sends: 0, duplicated: false, parts_billed: 1 });
      await delivery.receipts.storeReceipts([receipt('LATE', message.msisdn)]);
      await delivery.receipts.applyReceipts(100);
      expect(await stats(campaign.id)).toMatchObject({ submitted: 1, delivered: 1, duplicated: 0, billed: 1 });
      await expectCountersExact();
    });

    it('takes the outcome of a process whose lease ran out (the message went back to the queue) as a late answer', async () => {
      const campaign = await runningCampaign(1);
      const [slow] = await claimAll(campaign);
      await db.query(`UPDATE messages SET lease_until = now() - interval '1 second' WHERE campaign_id = $1`, [campaign.id]);
      await delivery.queue.requeueExpiredLeases();
      const outcome = accepted(slow, ['SLOW-1']);
      await record([outcome]);
      await record([outcome]);
      expect(await messageRow(campaign.id, slow.id)).toMatchObject({ state: 'submitted', unconfirmed_sends: 0, duplicated: false, parts_billed: 1 });
      expect(await claimAll(campaign)).toEqual([]);
      await expectCountersExact();
    });

    it('still ends a message whose outcome, carrying its receipt, came after its lease ran out', async () => {
      const campaign = await runningCampaign(1);
      const [slow] = await claimAll(campaign);
      await db.query(`UPDATE messages SET lease_until = now() - interval '1 second' WHERE campaign_id = $1`, [campaign.id]);
      await delivery.queue.requeueExpiredLeases();
      const [change, parts] = accepted(slow, ['SLOW-R'], { state: 'delivered', receipted: true });
      await delivery.outcomes.recordOutcomes([change], parts, CARRIER, [receipt('SLOW-R', slow.msisdn)]);
      expect(await messageRow(campaign.id, slow.id)).toMatchObject({ state: 'submitted', parts_billed: 1 });
      await delivery.receipts.applyReceipts(100);
      expect(await messageRow(campaign.id, slow.id)).toMatchObject({ state: 'delivered', duplicated: false });
      await expectCountersExact();
    });

    it('counts a duplicate when the late answer comes after the message went again', async () => {
      const campaign = await runningCampaign(1);
      const [message] = await claimAll(campaign);
      await record([unanswered(message, 0)]);
      const [again] = await claimAll(campaign);
      await record([accepted(again, ['SECOND'])]);
      await delivery.outcomes.recordLateAccepts([{ campaignId: campaign.id, messageId: message.id, smscMessageId: 'FIRST-LATE', part: 1, parts: 1 }], CARRIER);
      expect(await messageRow(campaign.id, message.id)).toMatchObject({ state: 'submitted', duplicated: true, parts_billed: 2 });
      expect(await stats(campaign.id)).toMatchObject({ duplicated: 1, billed: 2 });
      await expectCountersExact();
    });

    it('counts the parts of a long message sent whole again after some were in (new reference) as a duplicate', async () => {
      const campaign = await runningCampaign(1);
      const [message] = await claimAll(campaign);
      await record([
        [
          {
            campaignId: campaign.id,
            id: message.id,
            state: 'queued',
            retryAfterSeconds: 0,
            sent: { acceptedMask: 0b01, parts: 2, reference: 5, newReference: true, billed: 1 },
          },
          [{ campaignId: campaign.id, messageId: message.id, smscMessageId: 'P1', part: 1, parts: 2 }],
        ],
      ]);
      const [again] = await claimAll(campaign);
      expect(again).toMatchObject({ partsAccepted: 0b01, parts: 2, reference: 5 });
      await record([accepted(again, ['Q1', 'Q2'], { resend: true })]);
      expect(await messageRow(campaign.id, message.id)).toMatchObject({ duplicated: true, parts_billed: 3, parts_accepted: 0b11 });
      await expectCountersExact();
    });
  });

  it('cancels: queued messages end cancelled (no failure, no reason) at once with their counters, and so do those that come back later', async () => {
    const campaign = await runningCampaign(6);
    const [backLater, notHandedOver] = await claimAll(campaign, 2);
    await db.query(`UPDATE campaigns SET state = 'cancelled' WHERE id = $1`, [campaign.id]);
    expect(await db.transaction((manager) => delivery.queue.cancelUnsent(campaign.id, 'campaign cancelled by test', manager))).toBe(4);
    expect(await states(campaign.id)).toEqual({ cancelled: 4, sending: 2 });
    await record([
      [{ campaignId: campaign.id, id: backLater.id, state: 'queued', retryAfterSeconds: 0 }, []],
      [{ campaignId: campaign.id, id: notHandedOver.id, state: 'cancelled', error: 'campaign cancelled', refundAttempt: true }, []],
    ]);
    expect(await delivery.queue.cancelUnsentOfCancelled()).toBe(1);
    expect(await stats(campaign.id)).toMatchObject({ targeted: 6, cancelled: 6, failed: 0 });
    expect(await db.query(`SELECT * FROM campaign_errors WHERE campaign_id = $1`, [campaign.id])).toEqual([]);
    await expectCountersExact();
  });

  it('finishes a campaign only once every message is final and no other copy of one may still be receipted', async () => {
    const campaign = await runningCampaign(1);
    const [message] = await claimAll(campaign);
    await record([[{ campaignId: campaign.id, id: message.id, state: 'queued', unconfirmedSend: true, retryAfterSeconds: 0 }, []]]);
    expect(await delivery.queue.finishedCampaigns(3600)).not.toContain(campaign.id);
    const [again] = await claimAll(campaign);
    await record([accepted(again, ['ONLY'])]);
    await delivery.receipts.storeReceipts([receipt('ONLY', message.msisdn)]);
    await delivery.receipts.applyReceipts(100);
    expect(await delivery.queue.finishedCampaigns(3600)).not.toContain(campaign.id);
    expect(await delivery.queue.finishedCampaigns(0)).toContain(campaign.id);
  });

  it('keeps a column of time buckets for every counter, and reasons for every undelivered end', async () => {
    const columns = (await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'campaign_stats_buckets'`)).map(
      (row: { column_name: string }) => row.column_name,
    );
    expect(columns).toEqual(expect.arrayContaining([...BUCKET_COUNTERS]));
    const [{ reasons }] = await db.query(`SELECT COALESCE(sum(messages), 0)::int AS reasons FROM campaign_errors`);
    const [{ undelivered }] = await db.query(
      `SELECT COALESCE(sum(${FINAL_STATES.filter((state) => state !== 'delivered' && !(NEVER_SENT_STATES as readonly string[]).includes(state)).join(' + ')}), 0)::int AS undelivered FROM campaign_stats`,
    );
    expect(undelivered).toBeGreaterThan(0);
    expect(reasons).toBe(undelivered);
  });

  it('finds every counter that disagrees with a recount, with both values', async () => {
    const campaign = await runningCampaign(3);
    await db.query(`UPDATE campaign_stats SET delivered = delivered + 2, parts_billed = 7 WHERE campaign_id = $1`, [campaign.id]);
    expect(await delivery.counters.counterMismatches(campaign.id)).toEqual([
      { campaignId: campaign.id, provinceCode: '14', carrier: CARRIER, differences: { delivered: [2, 0], parts_billed: [7, 0] } },
    ]);
    await db.query(`UPDATE campaign_stats SET delivered = delivered - 2, parts_billed = 0 WHERE campaign_id = $1`, [campaign.id]);
  });
});
