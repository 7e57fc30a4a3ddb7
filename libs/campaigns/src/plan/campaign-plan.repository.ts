import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Carrier } from '@loa/common';
import { queryRows } from '@loa/database';
import { type CarrierWork, type ProvinceWork } from './deadline-planner';
import { MEASURED_RATES, REMAINING_WORK, REMAINING_WORK_BY_PROVINCE, SAMPLE_PROGRESS, TEXT_SEGMENTS } from './plan.sql';

/** The aggregates a plan reads: counters and texts, never the messages themselves. */
@Injectable()
export class CampaignPlanRepository {
  constructor(private readonly db: DataSource) {}

  /** What each materialised campaign of `campaignIds` still has to send, per carrier. */
  async remainingWork(campaignIds: number[]): Promise<Map<number, CarrierWork[]>> {
    const rows = await queryRows<{ campaignId: string; carrier: Carrier; messages: string; parts: string }>(this.db, REMAINING_WORK, [campaignIds]);
    const work = new Map<number, CarrierWork[]>(campaignIds.map((id) => [id, []]));
    for (const row of rows) work.get(Number(row.campaignId))!.push({ carrier: row.carrier, messages: Number(row.messages), parts: Number(row.parts) });
    return work;
  }

  /** What one materialised campaign still has to send, per province and carrier. */
  async remainingWorkByProvince(campaignId: number): Promise<ProvinceWork[]> {
    const rows = await queryRows<{ province: string; carrier: Carrier; messages: string; parts: string }>(this.db, REMAINING_WORK_BY_PROVINCE, [campaignId]);
    return rows.map((row) => ({ province: row.province, carrier: row.carrier, messages: Number(row.messages), parts: Number(row.parts) }));
  }

  /** Parts per message in each province of a saved campaign. */
  async segmentsByProvince(campaignId: number): Promise<Map<string, number>> {
    const rows = await queryRows<{ provinceCode: string; segments: number }>(this.db, TEXT_SEGMENTS, [campaignId]);
    return new Map(rows.map((row) => [row.provinceCode, row.segments]));
  }

  /** Records what every running campaign has sent so far per carrier (the dispatcher's scheduler, every few seconds). */
  async sampleProgress(now: number): Promise<void> {
    await this.db.query(SAMPLE_PROGRESS, [new Date(now)]);
  }

  /** Messages per second the campaign sent on each carrier over about the last `seconds` before `now`, with how long that was measured. */
  async measuredRates(campaignId: number, seconds: number, now: number): Promise<{ carrier: Carrier; perSecond: number; overSeconds: number }[]> {
    const rows = await queryRows<{ carrier: Carrier; perSecond: string; overSeconds: string }>(this.db, MEASURED_RATES, [campaignId, seconds, new Date(now)]);
    return rows.map((row) => ({ carrier: row.carrier, perSecond: Number(row.perSecond), overSeconds: Number(row.overSeconds) }));
  }
}
