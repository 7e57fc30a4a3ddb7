import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '@loa/database';
import { BUCKET_MISMATCHES, STATS_MISMATCHES } from './campaign-stats.sql';
import { type CountedMessage } from './delivery-rows';

/** A counter row that disagrees with a recount of its messages: each differing counter as [counted, recounted]. */
export interface CounterMismatch {
  campaignId: number;
  provinceCode: string;
  carrier: string;
  differences: Record<string, [number, number]>;
}

/** The counters checked against the messages they count: `loa stats check` and the invariants' own check. */
@Injectable()
export class CountersRepository {
  constructor(private readonly db: DataSource) {}

  /** Counter rows that disagree with a recount of the messages (of one campaign, or all): there should be none. */
  async counterMismatches(campaignId: number | null = null): Promise<CounterMismatch[]> {
    const rows = await queryRows<CountedMessage & { differences: Record<string, [number, number]> }>(this.db, STATS_MISMATCHES, [campaignId]);
    return rows.map((row) => ({ campaignId: Number(row.campaign_id), provinceCode: row.province_code, carrier: row.carrier, differences: row.differences }));
  }

  /** Counter rows whose time buckets (what "as of" reports sum) do not add up to them: there should be none. */
  async bucketMismatches(campaignId: number | null = null): Promise<CounterMismatch[]> {
    const rows = await queryRows<CountedMessage & { differences: Record<string, [number, number]> }>(this.db, BUCKET_MISMATCHES, [campaignId]);
    return rows.map((row) => ({ campaignId: Number(row.campaign_id), provinceCode: row.province_code, carrier: row.carrier, differences: row.differences }));
  }
}
