import { DispatcherModule, type DispatcherSettings } from '@loa/dispatcher';
import { smppStatusName } from '@loa/smpp';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, reportTotals, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';

const BODY = 'Công an {{province.name}} cảnh báo lừa đảo.';
const SUBSCRIBERS = 10;
const MAX_ATTEMPTS = 3;
const DISPATCHER: DispatcherSettings = { idleMs: 50, retry: { maxRefusedAttempts: MAX_ATTEMPTS, refusedBackoffSeconds: { first: 1, max: 2 } } };

/**
 * A carrier that keeps answering a temporary error (system error, submit failed, temporary application
 * error, unknown error): each message is tried again with backoff, a bounded number of times, then ends
 * failed with the carrier's status; before, these statuses were retried without end.
 */
describe.each([0x08, 0x45, 0x64, 0xff].map((status) => [smppStatusName(status), status] as const))(
  'a carrier that refuses every submit with %s',
  (_name, status) => {
    let api: TestApi;
    let simulator: SmscSimulator;

    beforeAll(async () => {
      simulator = await simulatedCarrier('vnpt', { refuseEvery: { submits: 1, status } });
      const carriers = [simulatedAccount('vnpt', simulator.port)];
      api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers, dispatcher: DISPATCHER })] });
      await seedSubscribers(api, 'vnpt', '14', 84_910_000_000, SUBSCRIBERS);
    });

    afterAll(async () => {
      await api?.close();
      await simulator?.stop();
    });

    it('tries each message the bounded number of times, waiting longer each time, then fails it with the status', async () => {
      const campaignId = await approvedCampaign(api, BODY, { provinces: ['14'], carriers: ['vnpt'] });
      await waitForCompletion(api, campaignId);
      expect(await reportTotals(api, campaignId)).toMatchObject({ targeted: SUBSCRIBERS, failed: SUBSCRIBERS, delivered: 0, pending: 0 });
      const messages: { state: string; attempts: number; last_error: string }[] = await api.dataSource.query(
        `SELECT state, attempts, last_error FROM messages WHERE campaign_id = $1`,
        [campaignId],
      );
      expect(new Set(messages.map((m) => `${m.state} ${m.attempts}`))).toEqual(new Set([`failed ${MAX_ATTEMPTS}`]));
      expect(messages.every((m) => m.last_error.includes(smppStatusName(status)))).toBe(true);

      const tries = new Map<string, number[]>();
      for (const submit of simulator.received) tries.set(submit.destination, [...(tries.get(submit.destination) ?? []), submit.at]);
      expect([...tries.values()].map((times) => times.length)).toEqual(Array(SUBSCRIBERS).fill(MAX_ATTEMPTS));
      // Backoff: 1 s before the second try, 2 s before the third (the queue is polled, so a little more).
      for (const [first, second, third] of tries.values()) {
        expect(second - first).toBeGreaterThanOrEqual(1000);
        expect(third - second).toBeGreaterThanOrEqual(2000);
      }
    });
  },
);
