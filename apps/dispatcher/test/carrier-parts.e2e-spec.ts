import { type CarrierAccount } from '@loa/config';
import { DispatcherModule } from '@loa/dispatcher';
import { type SmscProfile, type SmscSimulator } from '@loa/smsc-simulator';
import { carrierTextProfiles, CarrierTextsModule } from '@loa/templates';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { approvedCampaign, seedSubscribers, simulatedAccount, simulatedCarrier, waitForCompletion } from './campaign-harness';

const CONCAT: Record<string, CarrierAccount['concat']> = { viettel: 'udh8', vnpt: 'udh16', mobifone: 'sar' };
// With the demo hotline 0000.000.014 (12 characters): 305 GSM septets (2 × 153 ≥ 305 > 2 × 152) and
// 133 UCS-2 units (2 × 67 ≥ 133 > 2 × 66): two parts on udh8, three on udh16 and SAR.
const GSM_BODY = `${'a'.repeat(305 - 'Goi '.length - 12)}Goi {{province.hotline}}`;
const UCS2_BODY = `${'ă'.repeat(133 - 'Gọi '.length - 12)}Gọi {{province.hotline}}`;

// Receipts carry the id of the answer as it was, whatever each carrier's profile does to it; every message is delivered.
const SAME_IDS: Partial<SmscProfile> = { messageIdFormat: 'decimal', receiptIdFormat: 'decimal', receiptDelayMs: [1, 10], outcomes: { DELIVRD: 1 } };

describe('campaign texts count the parts each carrier is then sent', () => {
  let api: TestApi;
  const simulators = new Map<string, SmscSimulator>();

  beforeAll(async () => {
    for (const id of Object.keys(CONCAT)) simulators.set(id, await simulatedCarrier(id as CarrierAccount['id'], SAME_IDS));
    const carriers = [...simulators].map(([id, simulator]) => simulatedAccount(id as CarrierAccount['id'], simulator.port, { concat: CONCAT[id] }));
    api = await createTestApi({
      imports: [CarrierTextsModule.forRoot(carrierTextProfiles(carriers)), DispatcherModule.forRoot({ carriers, dispatcher: { idleMs: 50 } })],
    });
    await api.dataSource.query(`UPDATE provinces SET police_hotlines = '{0000.000.014}' WHERE code IN ('14', '12')`);
    for (const [index, carrier] of Object.keys(CONCAT).entries()) {
      await seedSubscribers(api, carrier, '14', 84960000000 + index * 100, 3);
      await seedSubscribers(api, carrier, '12', 84970000000 + index * 100, 3);
    }
  });
  afterAll(async () => {
    await api?.close();
    for (const simulator of simulators.values()) await simulator.stop();
  });

  it.each([
    ['GSM, 305 septets', GSM_BODY, '14', 'gsm7'],
    ['UCS-2, 133 units', UCS2_BODY, '12', 'ucs2'],
  ])('%s', async (_, body, province, encoding) => {
    const campaignId = await approvedCampaign(api, body, { provinces: [province] });
    const [text] = await api.dataSource.query('SELECT encoding, segments, carrier_segments FROM campaign_texts WHERE campaign_id = $1', [campaignId]);
    expect(text).toEqual({ encoding, segments: 3, carrier_segments: { viettel: 2, vnpt: 3, mobifone: 3 } });
    await waitForCompletion(api, campaignId);
    const messages = await api.dataSource.query<{ msisdn: string; carrier: string; parts: number }[]>(
      'SELECT msisdn::text, carrier, parts FROM messages WHERE campaign_id = $1',
      [campaignId],
    );
    expect(messages).toHaveLength(9);
    for (const message of messages) {
      const pdus = simulators.get(message.carrier)!.received.filter((submit) => submit.destination === message.msisdn);
      expect([message.carrier, pdus.length, message.parts]).toEqual([
        message.carrier,
        text.carrier_segments[message.carrier],
        text.carrier_segments[message.carrier],
      ]);
    }
  });
});
