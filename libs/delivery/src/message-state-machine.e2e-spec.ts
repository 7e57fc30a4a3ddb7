import fc from 'fast-check';
import { DataSource, type EntityManager } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@loa/testing';
import { canMoveCampaign, type CampaignState } from './campaign-states';
import { type DeliveryRepositories, deliveryRepositories } from './delivery-repositories';
import { type ClaimedMessage, type RunningCampaign, type StateChange, type SubmittedPart } from './delivery.types';
import { INITIAL_STATES, RECEIPT_STATS, TRANSITIONS } from './message-states';
import { END_UNSENT_OF_CAMPAIGN, HOLD_LEFT_FROM_EARLIER_DAYS, NOBODY_AT_CAP, releaseHeld } from './send-limits.sql';

const CARRIER = 'viettel';
const MESSAGES = 6;

/**
 * What happens to a campaign's messages, in any order: dispatcher claims and the carrier's answers, receipts,
 * the operator's pause, resume and cancel (a dispatcher then gives back or cancels what it holds), a window
 * closing, the daily cap holding and releasing, the validity ending, a lost dispatcher's leases.
 */
type Step =
  | { kind: 'claim'; count: number }
  | { kind: 'answer'; pick: number; answer: 'accepted' | 'accepted+receipt' | 'rejected' | 'refused' | 'failed' | 'unknown' | 'ambiguous' | 'not-sent' }
  | { kind: 'receipt'; pick: number; stat: number }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'cancel' }
  | { kind: 'window-closes' }
  | { kind: 'cap-holds' }
  | { kind: 'cap-releases' }
  | { kind: 'validity-ends' }
  | { kind: 'lease-lost' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('claim' as const), count: fc.integer({ min: 1, max: MESSAGES }) }), weight: 4 },
  {
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      pick: fc.nat(),
      answer: fc.constantFrom('accepted', 'accepted+receipt', 'rejected', 'refused', 'failed', 'unknown', 'ambiguous', 'not-sent'),
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ kind: fc.constant('receipt' as const), pick: fc.nat(), stat: fc.nat({ max: RECEIPT_STATS.length - 1 }) }), weight: 3 },
  ...(['pause', 'resume', 'cancel', 'window-closes', 'cap-holds', 'cap-releases', 'validity-ends', 'lease-lost'] as const).map((kind) => ({
    arbitrary: fc.constant({ kind }),
    weight: 1,
  })),
);

/**
 * Random sequences against a real PostgreSQL. After each: every state change the messages went through is
 * one the transition table allows (a trigger records them all), every counter equals a recount of the
 * messages, and every counter's time buckets add up to it (capped, expired_unsent and cancelled included).
 */
describe('the message state machine under random sequences', () => {
  let database: TestDatabase;
  let db: DataSource;
  let delivery: DeliveryRepositories;
  let nextCampaign = 0;
  let nextSmscId = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource({ type: 'postgres', url: database.url, extra: { max: 4 } });
    await db.initialize();
    delivery = deliveryRepositories(db);
    await db.query(`INSERT INTO provinces (code, name, slug, kind) VALUES ('14', 'Tỉnh Sơn La', 'son-la', 'province')`);
    await db.query(`INSERT INTO users (id, username, password_hash, role) VALUES (1, 'drafter', 'x', 'drafter')`);
    await db.query(`INSERT INTO templates (id, family_id, version, name, body, encoding_policy, max_segments, status, author_id)
      VALUES (1, 1, 1, 'Cảnh báo', 'Cảnh báo lừa đảo', 'auto', 3, 'approved', 1)`);
    await db.query(`INSERT INTO subscribers (msisdn, carrier, province_code) SELECT 84960000000 + n, 'viettel', '14' FROM generate_series(1, ${MESSAGES}) n`);
    // Every state a message is created in and every move it makes, as the database saw them.
    await db.query(`CREATE TABLE seen_moves (campaign_id bigint, from_state text, to_state text)`);
    await db.query(`CREATE FUNCTION record_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO seen_moves VALUES (NEW.campaign_id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.state END, NEW.state); RETURN NULL; END $$`);
    await db.query(`CREATE TRIGGER messages_moves AFTER INSERT OR UPDATE OF state ON messages
      FOR EACH ROW EXECUTE FUNCTION record_move()`);
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('makes only moves of the table, and keeps every counter and bucket equal to the messages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const campaignId = await newCampaign();
        await new Sequence(campaignId).run(steps);
        await expectConsistent(campaignId);
      }),
      { numRuns: 30 },
    );
  });

  async function newCampaign(): Promise<number> {
    const id = ++nextCampaign;
    await db.query(
      `INSERT INTO campaigns (id, name, template_id, provinces, carriers, state, start_at, created_by, materialised_at)
       VALUES ($1, 'test', 1, '{14}', '{viettel}', 'running', now(), 1, now())`,
      [id],
    );
    await db.query(`INSERT INTO campaign_texts (campaign_id, province_code, body, encoding, segments) VALUES ($1, '14', 'Cảnh báo', 'ucs2', 1)`, [id]);
    // Queued to count on a day long gone, so that the cap can hold them for today.
    const cap = { day: '2026-01-01', startsAt: new Date('2025-12-31T17:00:00Z'), limit: 2, heldUntil: new Date(), lifted: true };
    await db.transaction((manager) => delivery.queue.enqueueCampaign(id, ['14'], [CARRIER], manager, cap));
    return id;
  }

  async function expectConsistent(campaignId: number): Promise<void> {
    const moves = await db.query(`SELECT DISTINCT from_state, to_state FROM seen_moves WHERE campaign_id = $1`, [campaignId]);
    const illegal = moves.filter(({ from_state: from, to_state: to }: { from_state: keyof typeof TRANSITIONS | null; to_state: string }) =>
      from === null ? !(INITIAL_STATES as readonly string[]).includes(to) : from !== to && !(TRANSITIONS[from] as readonly string[]).includes(to),
    );
    expect(illegal).toEqual([]);
    expect(await delivery.counters.counterMismatches(campaignId)).toEqual([]);
    expect(await delivery.counters.bucketMismatches(campaignId)).toEqual([]);
  }

  /** One campaign's run: what a dispatcher holds and what waits for receipts, as the steps leave them. */
  class Sequence {
    private campaignState: CampaignState = 'running';
    private inHand: ClaimedMessage[] = [];
    private awaitingReceipt: { id: number; msisdn: string; smscMessageId: string }[] = [];
    private readonly campaign: RunningCampaign;

    constructor(private readonly campaignId: number) {
      this.campaign = { id: campaignId, validityHours: 24, onAmbiguous: 'resend' };
    }

    async run(steps: Step[]): Promise<void> {
      for (const next of steps) await this.apply(next);
    }

    private async apply(next: Step): Promise<void> {
      switch (next.kind) {
        case 'claim':
          if (this.campaignState === 'running') this.inHand.push(...(await delivery.queue.claim(this.campaign, CARRIER, 0, next.count, 60)));
          return;
        case 'answer':
          return this.answer(next.pick, next.answer);
        case 'receipt':
          return this.receipt(next.pick, next.stat);
        case 'pause':
          if (await this.moveCampaign('paused')) await this.giveBackInHand('queued', 'campaign paused');
          return;
        case 'resume':
          await this.moveCampaign('running');
          return;
        case 'cancel':
          if (await this.moveCampaign('cancelled', (manager) => delivery.queue.cancelUnsent(this.campaignId, 'campaign cancelled by test', manager))) {
            await this.giveBackInHand('cancelled', 'campaign cancelled');
          }
          return;
        case 'window-closes':
          return this.giveBackInHand('queued', 'send window closed');
        case 'cap-holds':
          await db.query(HOLD_LEFT_FROM_EARLIER_DAYS, [this.campaignId, '2026-01-02', new Date()]);
          return;
        case 'cap-releases':
          await db.query(releaseHeld(NOBODY_AT_CAP), [this.campaignId, '2026-01-02', new Date(Date.now() + 60_000)]);
          return;
        case 'validity-ends':
          await this.giveBackInHand('queued', "campaign's validity ended");
          await db.query(END_UNSENT_OF_CAMPAIGN, [this.campaignId]);
          return;
        case 'lease-lost':
          await db.query(`UPDATE messages SET lease_until = now() - interval '1 second' WHERE campaign_id = $1 AND state = 'sending'`, [this.campaignId]);
          await delivery.queue.requeueExpiredLeases();
          // The dispatcher that held them is gone; whatever it writes later changes nothing (they are no longer 'sending').
          return;
      }
    }

    /** Moves the campaign as its table allows (in one transaction with `alongside`); false when the table has no such move. */
    private async moveCampaign(to: CampaignState, alongside?: (manager: EntityManager) => Promise<unknown>): Promise<boolean> {
      if (!canMoveCampaign(this.campaignState, to)) return false;
      await db.transaction(async (manager) => {
        await manager.query(`UPDATE campaigns SET state = $2 WHERE id = $1`, [this.campaignId, to]);
        await alongside?.(manager);
      });
      this.campaignState = to;
      return true;
    }

    /** What a dispatcher does with the messages it holds when their campaign halts: none was handed to the carrier. */
    private async giveBackInHand(state: 'queued' | 'cancelled', reason: string): Promise<void> {
      const changes = this.inHand.map((message): StateChange => ({ campaignId: this.campaignId, id: message.id, state, error: reason, refundAttempt: true }));
      this.inHand = [];
      if (changes.length > 0) await delivery.outcomes.recordOutcomes(changes, [], CARRIER);
    }

    private async answer(pick: number, answer: Extract<Step, { kind: 'answer' }>['answer']): Promise<void> {
      if (this.inHand.length === 0) return;
      const [message] = this.inHand.splice(pick % this.inHand.length, 1);
      const smscMessageId = `S${++nextSmscId}`;
      const sent = { acceptedMask: 1, parts: 1, reference: null, newReference: true, billed: 1 };
      const part: SubmittedPart = { campaignId: this.campaignId, messageId: message.id, smscMessageId, part: 1, parts: 1 };
      const base = { campaignId: this.campaignId, id: message.id };
      switch (answer) {
        case 'accepted':
          await delivery.outcomes.recordOutcomes([{ ...base, state: 'submitted', sent }], [part], CARRIER);
          this.awaitingReceipt.push({ id: message.id, msisdn: message.msisdn, smscMessageId });
          return;
        case 'accepted+receipt':
          await delivery.outcomes.recordOutcomes([{ ...base, state: 'delivered', sent, receipted: true }], [part], CARRIER, [
            { carrier: CARRIER, smscMessageId, msisdn: message.msisdn, state: 'DELIVRD', errorCode: '000', doneAt: new Date(), raw: 'stat:DELIVRD' },
          ]);
          return;
        case 'rejected':
          return delivery.outcomes.recordOutcomes([{ ...base, state: 'rejected', error: 'ESME_RINVDSTADR (0x0000000B)' }], [], CARRIER);
        case 'refused':
          return delivery.outcomes.recordOutcomes([{ ...base, state: 'queued', error: 'ESME_RSYSERR (0x00000008)', retryAfterSeconds: 0 }], [], CARRIER);
        case 'failed':
          return delivery.outcomes.recordOutcomes([{ ...base, state: 'failed', error: 'ESME_RSYSERR (0x00000008) (5 attempts)' }], [], CARRIER);
        case 'unknown':
          return delivery.outcomes.recordOutcomes([{ ...base, state: 'unknown', error: 'no answer (3 attempts)' }], [], CARRIER);
        case 'ambiguous':
          return delivery.outcomes.recordOutcomes([{ ...base, state: 'queued', error: 'no answer', retryAfterSeconds: 0, unconfirmedSend: true }], [], CARRIER);
        case 'not-sent':
          return delivery.outcomes.recordOutcomes([{ ...base, state: 'queued', error: 'link stopping', refundAttempt: true }], [], CARRIER);
      }
    }

    private async receipt(pick: number, stat: number): Promise<void> {
      if (this.awaitingReceipt.length === 0) return;
      const [sent] = this.awaitingReceipt.splice(pick % this.awaitingReceipt.length, 1);
      const { stat: receiptStat } = RECEIPT_STATS[stat];
      await delivery.receipts.storeReceipts([
        {
          carrier: CARRIER,
          smscMessageId: sent.smscMessageId,
          msisdn: sent.msisdn,
          state: receiptStat,
          errorCode: '000',
          doneAt: new Date(),
          raw: `stat:${receiptStat}`,
        },
      ]);
    }
  }
});
