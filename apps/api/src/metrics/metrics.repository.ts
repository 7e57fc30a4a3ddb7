import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '@loa/database';
import { COUNTED_STATES } from '@loa/delivery';
import { ACTIVE_CAMPAIGN_MESSAGES, LATENCY_WATERMARK, QUEUED_PER_CARRIER, RECEIPT_LATENCIES, UNMATCHED_RECEIPTS } from './campaign-messages.sql';
import { type LatencyCounts } from './receipt-latency';

export const MESSAGE_COUNTERS = ['targeted', ...COUNTED_STATES] as const;
export type MessageCounter = (typeof MESSAGE_COUNTERS)[number];

/** The reads behind /metrics that no domain library answers already. */
@Injectable()
export class MetricsRepository {
  constructor(private readonly db: DataSource) {}

  async activeCampaignMessages(): Promise<Record<MessageCounter, number>> {
    const [row] = await queryRows<Record<MessageCounter, string>>(this.db, ACTIVE_CAMPAIGN_MESSAGES);
    return Object.fromEntries(MESSAGE_COUNTERS.map((counter) => [counter, Number(row[counter])])) as Record<MessageCounter, number>;
  }

  async unmatchedReceipts(): Promise<{ carrier: string; count: number }[]> {
    const rows = await queryRows<{ carrier: string; count: string }>(this.db, UNMATCHED_RECEIPTS);
    return rows.map((row) => ({ carrier: row.carrier, count: Number(row.count) }));
  }

  async latencyWatermark(): Promise<Date> {
    const [row] = await queryRows<{ until: Date }>(this.db, LATENCY_WATERMARK);
    return row.until;
  }

  async receiptLatencies(since: Date, until: Date, bounds: number[]): Promise<LatencyCounts[]> {
    const rows = await queryRows<{ carrier: string; bucket: number; count: number; sum_seconds: number }>(this.db, RECEIPT_LATENCIES, [since, until, bounds]);
    return rows.map((row) => ({ carrier: row.carrier, bucket: row.bucket, count: row.count, sumSeconds: row.sum_seconds }));
  }

  queuedPerCarrier(): Promise<{ carrier: string; queued: number }[]> {
    return queryRows(this.db, QUEUED_PER_CARRIER);
  }
}
