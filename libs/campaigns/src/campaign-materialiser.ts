import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '@loa/database';
import { MessageQueueRepository } from '@loa/delivery';
import { defaultDailyCap } from './campaign-defaults';
import { CLAIM_DUE_CAMPAIGN, COMPLETE_CAMPAIGNS } from './campaign-materialiser.sql';
import { capDayFor } from './daily-cap';
import { toSendWindow } from './send-window';

interface DueCampaignRow {
  id: string;
  provinces: string[];
  carriers: string[];
  window_start: string | null;
  window_end: string | null;
  daily_cap_lifted: boolean;
}

/** Turns due campaigns into queued messages, and marks finished ones completed. Dispatchers do the sending. */
@Injectable()
export class CampaignMaterialiser {
  private readonly logger = new Logger(CampaignMaterialiser.name);

  constructor(
    private readonly db: DataSource,
    private readonly messages: MessageQueueRepository,
  ) {}

  /**
   * Materialises at most one due campaign; returns its id and message count, or null if none was due. Its
   * messages count on the day its window next opens after `now`; subscribers already at the daily cap that day
   * are held for the next (unless the campaign's cap is lifted).
   */
  async materialiseNextDue(now = Date.now()): Promise<{ campaignId: number; messages: number } | null> {
    return this.db.transaction(async (manager) => {
      const due = await queryRows<DueCampaignRow>(manager, CLAIM_DUE_CAMPAIGN, [new Date(now)]);
      if (due.length === 0) return null;
      const campaign = due[0];
      const campaignId = Number(campaign.id);
      const cap = { ...capDayFor(toSendWindow(campaign.window_start, campaign.window_end), now, defaultDailyCap()), lifted: campaign.daily_cap_lifted };
      const messages = await this.messages.enqueueCampaign(campaignId, campaign.provinces, campaign.carriers, manager, cap);
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
