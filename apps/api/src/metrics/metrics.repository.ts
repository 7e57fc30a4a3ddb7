import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '@loa/database';
import { COUNTED_STATES } from '@loa/delivery';
import { ACTIVE_CAMPAIGN_MESSAGES, UNMATCHED_RECEIPTS } from './campaign-messages.sql';

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
}
