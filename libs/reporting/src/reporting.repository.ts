import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '@loa/database';

export interface StatsRow {
  province_code: string;
  province_name: string;
  carrier: string;
  targeted: number;
  submitted: number;
  delivered: number;
  undeliverable: number;
  expired: number;
  rejected: number;
  failed: number;
  unknown: number;
  capped: number;
  expired_unsent: number;
  duplicated: number;
  parts_billed: string;
}

/** Reports read the counters kept beside the messages, never a GROUP BY over messages. */
@Injectable()
export class ReportingRepository {
  constructor(private readonly db: DataSource) {}

  stats(campaignId: number): Promise<StatsRow[]> {
    return queryRows<StatsRow>(
      this.db,
      `SELECT s.province_code, p.name AS province_name, s.carrier, s.targeted, s.submitted, s.delivered,
              s.undeliverable, s.expired, s.rejected, s.failed, s.unknown, s.capped, s.expired_unsent, s.duplicated, s.parts_billed
       FROM campaign_stats s JOIN provinces p ON p.code = s.province_code
       WHERE s.campaign_id = $1 ORDER BY s.province_code, s.carrier`,
      [campaignId],
    );
  }
}
