import { carrierTps } from '@loa/campaigns';
import { type CarrierAccount } from '@loa/config';
import { DispatcherModule } from '@loa/dispatcher';
import { SmscSimulator } from '@loa/smsc-simulator';
import { pollUntil } from '@loa/testing';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, seedSubscribers, simulatedAccount } from './campaign-harness';

// One UCS-2 part per message: every message is one PDU against the carrier's TPS.
const BODY = 'Công an {{province.name}} cảnh báo: lừa đảo OTP.';
/**
 * Issue 9's campaign of 300,000 messages on three carriers, scaled down in time by raising their TPS: each
 * carrier's share takes 200–250 s at its TPS (1,425 messages/s together), well under half of what one
 * dispatcher sends on one bind of this 2-core host when it is quiet (~7,800 messages/s), so that the TPS, not
 * the machine, sets the pace. (At 3,800 and 2,850 messages/s together it failed: carriers 20–40 % late on this host.)
 */
const MESSAGES = 300_000;
const CARRIERS: { id: CarrierAccount['id']; share: number; tps: number }[] = [
  { id: 'viettel', share: 0.5, tps: 750 },
  { id: 'vnpt', share: 0.3, tps: 375 },
  { id: 'mobifone', share: 0.2, tps: 300 },
];
/** The longest carrier's time at its TPS (the links keep 1000/1030 of it): VNPT's. */
const LONGEST_SECONDS = ((MESSAGES * 0.3) / 375) * 1.03;

describe('the deadline plan against the measured finish on simulated carriers', () => {
  let api: TestApi;
  const simulators: SmscSimulator[] = [];

  beforeAll(async () => {
    const accounts: CarrierAccount[] = [];
    for (const carrier of CARRIERS) {
      // What is measured is submitting. At real TPS the host has time to spare for receipts; at these it does
      // not (with a receipt at once for each, the carriers finished 30–70 % late on this shared 2-core host):
      // receipts come after the test, and submits are not recorded (the test reads the database only).
      const simulator = await SmscSimulator.start({
        port: 0,
        accounts: [{ systemId: `loa_${carrier.id}`, password: 'secret' }],
        profile: { name: carrier.id, receiptDelayMs: [3_600_000, 3_600_000], outcomes: { DELIVRD: 1 } },
        record: false,
      });
      simulators.push(simulator);
      accounts.push(simulatedAccount(carrier.id, simulator.port, { tps: carrier.tps, window: 200 }));
    }
    api = await createTestApi({
      carriers: accounts.map((account) => account.id),
      carrierTps: carrierTps(accounts),
      imports: [DispatcherModule.forRoot({ carriers: accounts, dispatcher: { idleMs: 50 } })],
    });
    let first = 84_900_000_000;
    for (const carrier of CARRIERS) {
      await seedSubscribers(api, carrier.id, '14', first, Math.round(MESSAGES * carrier.share));
      first += 10_000_000;
    }
  });
  afterAll(async () => {
    await api?.close();
    for (const simulator of simulators) await simulator.stop();
  });

  it('finishes every carrier within 10 % of the planned time, and re-plans from the measured rate while running', async () => {
    // The campaign starts in 3 s (the plan from when it is asked, if later), its window lifted so that it runs at whatever time of day the test does.
    const startAt = new Date(Date.now() + 3_000);
    const campaignId = await approvedCampaign(api, BODY, {
      provinces: ['14'],
      startAt: startAt.toISOString(),
      windowLifted: true,
      overrideReason: 'đo kế hoạch gửi',
    });
    const viewer = await api.login('demo-viewer');
    const plan = (await api.http().get(`/campaigns/${campaignId}/plan`).auth(viewer, { type: 'bearer' }).expect(200)).body;
    expect(plan.messages).toBe(MESSAGES);
    // Two thirds of the way, GET /campaigns/:id re-plans from the rate the scheduler's samples show.
    let midRun: { carrier: string; rateSource: string; finishesAt: string }[] | null = null;
    await pollUntil(
      async () => {
        if (!midRun && Date.now() - startAt.getTime() > (2 / 3) * LONGEST_SECONDS * 1000) {
          midRun = (await api.http().get(`/campaigns/${campaignId}`).auth(viewer, { type: 'bearer' }).expect(200)).body.estimate.carriers;
        }
        return (await api.dataSource.query('SELECT sum(submitted)::int AS sent FROM campaign_stats WHERE campaign_id = $1', [campaignId]))[0].sent;
      },
      (sent) => sent === MESSAGES,
      { timeoutMs: 3 * LONGEST_SECONDS * 1000, intervalMs: 250, what: 'every message submitted' },
    );

    // From the campaign's first submit (on any carrier) to each carrier's last: the plan starts when sending does.
    const measured: { carrier: string; seconds: number; lastAt: Date }[] = await api.dataSource.query(
      `SELECT carrier, max(submitted_at) AS "lastAt",
         extract(epoch FROM max(submitted_at) - (SELECT min(submitted_at) FROM messages WHERE campaign_id = $1))::float8 AS seconds
       FROM messages WHERE campaign_id = $1 GROUP BY carrier`,
      [campaignId],
    );
    const errors = CARRIERS.map((carrier) => {
      const planned = plan.carriers.find((c: { carrier: string }) => c.carrier === carrier.id);
      const plannedSeconds = (Date.parse(planned.finishesAt) - Date.parse(planned.startsAt)) / 1000;
      expect(plannedSeconds).toBeCloseTo(((MESSAGES * carrier.share) / carrier.tps) * 1.03, 1); // the links keep 1000/1030 of the TPS
      const actual = measured.find((row) => row.carrier === carrier.id)!.seconds;
      process.stdout.write(`${carrier.id}: planned ${plannedSeconds.toFixed(1)} s, measured ${actual.toFixed(1)} s\n`);
      return { carrier: carrier.id, error: Math.round((Math.abs(actual - plannedSeconds) / plannedSeconds) * 1000) / 1000 };
    });
    // VNPT, the longest (93 s), re-planned at its measured rate: within 20 % of its duration of the real finish
    // (the counters it is measured by trail the link by up to a second on a busy host, over 5–10 s of samples).
    const vnpt = midRun!.find((c) => c.carrier === 'vnpt')!;
    const vnptMeasured = measured.find((row) => row.carrier === 'vnpt')!;
    expect(vnpt.rateSource).toBe('measured');
    expect(Math.abs(Date.parse(vnpt.finishesAt) - vnptMeasured.lastAt.getTime()) / 1000).toBeLessThan(0.2 * vnptMeasured.seconds);
    expect(errors.filter((e) => e.error >= 0.1)).toEqual([]);
  }, 600_000);
});
