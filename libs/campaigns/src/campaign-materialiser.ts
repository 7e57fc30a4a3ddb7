import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '@loa/database';
import { DeliveryRepository } from '@loa/delivery';
import { CLAIM_DUE_CAMPAIGN, COMPLETE_CAMPAIGNS } from './campaign-materialiser.sql';

/** Turns due campaigns into queued messages, and marks finished ones completed. Dispatchers do the sending. */
@Injectable()
export class CampaignMaterialiser {
  private readonly logger = new Logger(CampaignMaterialiser.name);

  constructor(
    private readonly db: DataSource,
    private readonly delivery: DeliveryRepository,
  ) {}

  /** Materialises at most one due campaign; returns its id and message count, or null if none was due. */
  async materialiseNextDue(): Promise<{ campaignId: number; messages: number } | null> {
    return this.db.transaction(async (manager) => {
      const due = await queryRows<{ id: string; provinces: string[]; carriers: string[] }>(manager, CLAIM_DUE_CAMPAIGN);
      if (due.length === 0) return null;
      const campaignId = Number(due[0].id);
      const messages = await this.delivery.enqueueCampaign(campaignId, due[0].provinces, due[0].carriers, manager);
      this.logger.log(`campaign ${campaignId} materialised: ${messages} messages`);
      return { campaignId, messages };
    });
  }

  /** Marks completed the running campaigns among `campaignIds` (those delivery says are finished). */
  async complete(campaignIds: number[]): Promise<number[]> {
    if (campaignIds.length === 0) return [];
    const rows = await queryRows<{ id: string }>(this.db, COMPLETE_CAMPAIGNS, [campaignIds]);
    for (const row of rows) this.logger.log(`campaign ${row.id} completed`);
    return rows.map((row) => Number(row.id));
  }
}
