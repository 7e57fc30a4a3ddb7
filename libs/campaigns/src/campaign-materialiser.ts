import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '@loa/database';
import { CLAIM_DUE_CAMPAIGN, COMPLETE_FINISHED_CAMPAIGNS, INITIALISE_STATS, MATERIALISE_MESSAGES } from './campaign-materialiser.sql';

/** Turns due campaigns into queued messages, and marks finished ones completed. Dispatchers do the sending. */
@Injectable()
export class CampaignMaterialiser {
  private readonly logger = new Logger(CampaignMaterialiser.name);

  constructor(private readonly db: DataSource) {}

  /** Materialises at most one due campaign; returns its id and message count, or null if none was due. */
  async materialiseNextDue(): Promise<{ campaignId: number; messages: number } | null> {
    return this.db.transaction(async (manager) => {
      const due = await queryRows<{ id: string; provinces: string[]; carriers: string[] }>(manager, CLAIM_DUE_CAMPAIGN);
      if (due.length === 0) return null;
      const campaignId = Number(due[0].id);
      const { provinces, carriers } = due[0];
      // A partition per campaign: archiving a finished campaign is a DETACH, not a DELETE of millions of rows.
      await manager.query(`CREATE TABLE messages_c${campaignId} PARTITION OF messages FOR VALUES IN (${campaignId})`);
      await manager.query(MATERIALISE_MESSAGES, [campaignId, provinces, carriers]);
      await manager.query(INITIALISE_STATS, [campaignId, provinces, carriers]);
      const messages = await countMessages(manager, campaignId);
      this.logger.log(`campaign ${campaignId} materialised: ${messages} messages`);
      return { campaignId, messages };
    });
  }

  async completeFinished(): Promise<number[]> {
    const rows = await queryRows<{ id: string }>(this.db, COMPLETE_FINISHED_CAMPAIGNS);
    for (const row of rows) this.logger.log(`campaign ${row.id} completed`);
    return rows.map((row) => Number(row.id));
  }
}

async function countMessages(manager: { query(sql: string, params?: unknown[]): Promise<unknown> }, campaignId: number): Promise<number> {
  const rows = await queryRows<{ targeted: string }>(manager, 'SELECT COALESCE(sum(targeted), 0) AS targeted FROM campaign_stats WHERE campaign_id = $1', [campaignId]);
  return Number(rows[0].targeted);
}
