import { deliveryRepositories, isFinal, type MessageState } from '@loa/delivery';
import { type DispatcherSettings } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { type TestApi } from '../../api/test/test-app';
import { reportTotals } from './campaign-harness';

/**
 * A dispatcher that resends an unanswered message after 1 s, and matches and retires receipts within
 * seconds, so that a campaign against a misbehaving carrier settles within a test.
 */
export const FAST_FAULT_HANDLING: DispatcherSettings = {
  idleMs: 50,
  retry: { ambiguousResendSeconds: 1 },
  orphanReceiptWaitSeconds: 1,
  unmatchedReceiptSeconds: 3,
  receiptGraceSeconds: 0,
};

/** A campaign run to completion against one simulated carrier. */
export interface FinishedCampaign {
  api: TestApi;
  carrier: SmscSimulator;
  campaignId: number;
  targeted: number;
}

/**
 * Once the carrier has had every receipt acknowledged, waits until Loa has applied or retired each one it
 * stored: receipts of copies Loa never learnt the id of are what mark a message duplicated, after
 * `unmatchedReceiptSeconds`.
 */
export async function waitForReceiptsSettled(api: TestApi, carrier: SmscSimulator, timeoutMs = 20_000): Promise<void> {
  await pollUntil(async () => carrier.counts.receiptsAcked >= carrier.counts.accepted, Boolean, {
    timeoutMs,
    what: 'the carrier to have every receipt acknowledged',
  });
  await pollUntil(
    async () => (await api.dataSource.query(`SELECT count(*)::int AS open FROM delivery_receipts WHERE applied_at IS NULL`))[0].open,
    (open: number) => open === 0,
    { timeoutMs, intervalMs: 250, what: 'every stored receipt applied or retired' },
  );
}

/**
 * The promises of DESIGN.md a campaign keeps whatever the carrier does, checked against what the carrier
 * says the handsets got; one test each, so a failure names the promise broken.
 */
export function itKeepsEveryDeliveryPromise(finished: () => FinishedCampaign): void {
  it('ends every message of the campaign in exactly one final state', async () => {
    const { api, campaignId, targeted } = finished();
    const rows: { state: MessageState; count: number }[] = await api.dataSource.query(
      `SELECT state, count(*)::int AS count FROM messages WHERE campaign_id = $1 GROUP BY state`,
      [campaignId],
    );
    const notFinal = rows.filter((row) => !isFinal(row.state));
    const total = rows.reduce((sum, row) => sum + row.count, 0);
    expect({ total, notFinal }).toEqual({ total: targeted, notFinal: [] });
    expect(await reportTotals(api, campaignId)).toMatchObject({ targeted, pending: 0 });
  });

  it('reaches every subscriber', () => {
    const { carrier, targeted } = finished();
    expect(carrier.handsetAudit().subscribersReached).toBe(targeted);
  });

  it('leaves no subscriber holding orphan parts', () => {
    expect(finished().carrier.handsetAudit().orphanParts).toEqual([]);
  });

  it('reports as duplicated exactly the subscribers the carrier gave a part twice', async () => {
    const { api, carrier, campaignId } = finished();
    const { duplicated } = await reportTotals(api, campaignId);
    const marked: { msisdn: string }[] = await api.dataSource.query(`SELECT msisdn::text FROM messages WHERE campaign_id = $1 AND duplicated ORDER BY msisdn`, [
      campaignId,
    ]);
    const audit = carrier.handsetAudit();
    expect({ duplicated, subscribers: marked.map((row) => row.msisdn) }).toEqual({
      duplicated: audit.duplicatedSubscribers,
      subscribers: audit.duplicatedDestinations,
    });
  });

  it('keeps the campaign counters equal to a recount of its messages and to the sum of their time buckets (loa stats check)', async () => {
    const { api, campaignId } = finished();
    const delivery = deliveryRepositories(api.dataSource);
    expect(await delivery.counters.counterMismatches(campaignId)).toEqual([]);
    expect(await delivery.counters.bucketMismatches(campaignId)).toEqual([]);
  });
}
