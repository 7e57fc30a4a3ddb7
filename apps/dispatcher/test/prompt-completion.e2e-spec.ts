import { jest } from '@jest/globals';
import { SchedulerRegistry } from '@nestjs/schedule';
import { MessageQueueRepository } from '@loa/delivery';
import { DispatcherModule } from '@loa/dispatcher';
import { type SmscSimulator } from '@loa/smsc-simulator';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { CampaignSchedulerService } from '../src/campaign-scheduler.service';
import { approvedCampaign, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';

/**
 * A campaign is marked completed once the link that sent it has written its last outcomes and receipts, not
 * at the scheduler's next tick. The scheduler's timers are stopped here, so only that news can complete it.
 */
describe('a campaign completing as soon as its link drains', () => {
  let api: TestApi;
  let simulator: SmscSimulator;
  let scheduler: CampaignSchedulerService;

  beforeAll(async () => {
    simulator = await simulatedCarrier('mobifone', { receiptDelayMs: [0, 0], outcomes: { DELIVRD: 1 } });
    api = await createTestApi({ imports: [DispatcherModule.forRoot({ carriers: [simulatedAccount('mobifone', simulator.port)] })] });
    const timers = api.app.get(SchedulerRegistry);
    for (const name of timers.getIntervals()) timers.deleteInterval(name);
    scheduler = api.app.get(CampaignSchedulerService);
    await seedSubscribers(api, 'mobifone', '01', 84_960_000_000, 20);
  });

  afterAll(async () => {
    await api?.db.drop();
    await simulator?.stop();
  });

  it('completes one-part and multi-part campaigns without a scheduler tick', async () => {
    const onePart = await approvedCampaign(api, 'Công an {{province.name}} cảnh báo: không đưa mã OTP cho ai.', { provinces: ['01'], carriers: ['mobifone'] });
    await scheduler.materialiseDueCampaigns();
    await waitForCompletion(api, onePart, 15_000);

    const multiPart = await approvedCampaign(api, `Công an {{province.name}} cảnh báo: ${'không cung cấp mã OTP, mật khẩu cho bất kỳ ai. '.repeat(3)}`, {
      provinces: ['01'],
      carriers: ['mobifone'],
    });
    await scheduler.materialiseDueCampaigns();
    await waitForCompletion(api, multiPart, 15_000);
    const [parts] = await api.dataSource.query(`SELECT min(parts) AS parts FROM messages WHERE campaign_id = $1`, [multiPart]);
    expect(parts.parts).toBeGreaterThan(1);
  });

  it('checks once more when a link drains during a check', async () => {
    const queue = api.app.get(MessageQueueRepository);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let checks = 0;
    const finished = jest.spyOn(queue, 'finishedCampaigns').mockImplementation(async () => {
      if (++checks === 1) await held;
      return [];
    });
    try {
      const run = scheduler.applyReceipts();
      scheduler.checkFinishedNow();
      release();
      await run;
      expect(checks).toBe(2);
    } finally {
      finished.mockRestore();
    }
  });
});
