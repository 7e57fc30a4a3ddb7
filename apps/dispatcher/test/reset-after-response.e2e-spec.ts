import { DispatcherModule } from '@loa/dispatcher';
import { RESET_AFTER_RESPONSE, type SmscSimulator } from '@loa/smsc-simulator';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';
import { FAST_FAULT_HANDLING, itKeepsEveryDeliveryPromise, waitForReceiptsSettled } from './campaign-invariants';

// Over 70 UCS-2 characters for every province: two parts per message.
const BODY = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP, không chuyển tiền cho người lạ. Gọi {{province.hotline}}.';
const SUBSCRIBERS = 300;
// Every 97th PDU of a connection, with a window of 5: the answers written in the same tick as the reset are lost
// with it (up to the window), so messages go out again, some after their first part was taken. Resetting much
// more often (every 41st with a window of 10) leaves the few messages retried last meeting a reset on each of
// their 3 attempts: they end unknown and unreached, whatever the dispatcher's bookkeeping.
const RESET_EVERY = 97;
const WINDOW = 5;

describe('a campaign with the resend policy, to a carrier that resets the connection right after an answer', () => {
  let api: TestApi;
  let viettel: SmscSimulator;
  let campaignId: number;

  beforeAll(async () => {
    viettel = await simulatedCarrier('viettel', { resetAfterResponseEvery: RESET_EVERY, receiptDelayMs: [5, 50], outcomes: { DELIVRD: 1 } });
    const carriers = [simulatedAccount('viettel', viettel.port, { dlrIdFormat: 'hex-to-dec', window: WINDOW, requestTimeoutSeconds: 2 })];
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher: FAST_FAULT_HANDLING })] });
    await seedSubscribers(api, 'viettel', '14', 84_960_000_000, SUBSCRIBERS);
    campaignId = await approvedCampaign(api, BODY, { provinces: ['14'], carriers: ['viettel'], onAmbiguous: 'resend' });
    await waitForCompletion(api, campaignId);
    await waitForReceiptsSettled(api, viettel);
  });

  afterAll(async () => {
    await api?.close();
    await viettel?.stop();
  });

  it('sent two-part messages, and the carrier reset the connection after some of its answers', () => {
    expect(
      viettel
        .messages()
        .filter((message) => message.complete)
        .every((message) => message.concat === 'udh8' && message.parts === 2),
    ).toBe(true);
    const resets = viettel.received.filter((submit) => submit.status === RESET_AFTER_RESPONSE);
    expect(resets.length).toBeGreaterThanOrEqual(5);
    expect(viettel.counts.resets).toBe(resets.length);
  });

  itKeepsEveryDeliveryPromise(() => ({ api, carrier: viettel, campaignId, targeted: SUBSCRIBERS }));
});
