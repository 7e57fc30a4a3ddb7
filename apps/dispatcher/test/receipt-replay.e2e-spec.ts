import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, reportTotals, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';
import { FAST_FAULT_HANDLING, itKeepsEveryDeliveryPromise, waitForReceiptsSettled } from './campaign-invariants';

// Over 70 UCS-2 characters for every province: two parts, so two receipts per message.
const BODY = 'Công an {{province.name}} thông báo: cơ quan công an không gọi điện yêu cầu chuyển tiền. Liên hệ {{province.hotline}}.';
const SUBSCRIBERS = 300;
// Each lost acknowledgement resets the receiver, which binds again after 250-500 ms: every 40th keeps it near 15.
const LOST_ACK_EVERY = 40;

/** Destinations whose every part the carrier receipted DELIVRD, however many times a receipt went. */
function receiptedDelivered(carrier: SmscSimulator): number {
  const states = new Map<string, Set<string>>();
  for (const { destination, state } of carrier.receiptsSent) states.set(destination, (states.get(destination) ?? new Set()).add(state));
  return [...states.values()].filter((seen) => seen.size === 1 && seen.has('DELIVRD')).length;
}

describe('a campaign whose carrier sends receipts again after losing their acknowledgement', () => {
  let api: TestApi;
  let vnpt: SmscSimulator;
  let campaignId: number;

  beforeAll(async () => {
    vnpt = await simulatedCarrier('vnpt', { lostReceiptAckEvery: LOST_ACK_EVERY, receiptDelayMs: [5, 50], outcomes: { DELIVRD: 8, UNDELIV: 1, EXPIRED: 1 } });
    // A transmitter and a receiver: the resets break receipts only, never a submit in flight.
    const carriers = [simulatedAccount('vnpt', vnpt.port, { bindMode: 'transmitter+receiver', binds: 2 })];
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher: FAST_FAULT_HANDLING })] });
    await seedSubscribers(api, 'vnpt', '66', 84_910_000_000, SUBSCRIBERS);
    campaignId = await approvedCampaign(api, BODY, { provinces: ['66'], carriers: ['vnpt'] });
    await waitForCompletion(api, campaignId);
    await waitForReceiptsSettled(api, vnpt);
  });

  afterAll(async () => {
    await api?.close();
    await vnpt?.stop();
  });

  it('got the very same receipt twice, once per acknowledgement the carrier lost', async () => {
    const { receiptAcksLost, receiptsReplayed } = vnpt.counts;
    expect(receiptAcksLost).toBeGreaterThanOrEqual(10);
    expect(receiptsReplayed).toBe(receiptAcksLost);
    const [{ repeated }] = await api.dataSource.query(`
      SELECT count(*)::int AS repeated FROM (
        SELECT 1 FROM delivery_receipts WHERE carrier = 'vnpt' GROUP BY smsc_message_id, receipt_state HAVING count(*) > 1) r`);
    expect(repeated).toBeGreaterThanOrEqual(receiptAcksLost);
  });

  it('counts as delivered exactly the subscribers whose every part the carrier receipted DELIVRD', async () => {
    expect((await reportTotals(api, campaignId)).delivered).toBe(receiptedDelivered(vnpt));
  });

  itKeepsEveryDeliveryPromise(() => ({ api, carrier: vnpt, campaignId, targeted: SUBSCRIBERS }));
});
