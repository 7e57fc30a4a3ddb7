import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { pgArray, queryPrepared, queryRows } from '@loa/database';
import { type CampaignState } from './campaign-states';
import { type CampaignRow, type ClaimedRow, HOT, toClaimed, toRunningCampaign } from './delivery-rows';
import { type CampaignText, type ClaimedMessage, type RunningCampaign } from './delivery.types';
import {
  CANCEL_UNSENT_OF_CAMPAIGN,
  CANCELLED_WITH_QUEUED,
  enqueueMessages,
  FINISHED_CAMPAIGNS,
  INITIALISE_STATS,
  REQUEUE_EXPIRED_LEASES,
} from './messages.sql';
import { type DailyCapDay, lockCapDay } from './send-limits.repository';
import { NOBODY_AT_CAP } from './send-limits.sql';

/**
 * The queue and its claims: a campaign's messages made (materialised), handed out to dispatchers under a
 * lease, taken back when the lease ends, and ended unsent when the campaign is cancelled.
 */
@Injectable()
export class MessageQueueRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Queues one message per active subscriber of the audience, in a partition of the campaign's own, with its
   * counters; a subscriber already at `cap.limit` warnings on `cap.day` is held instead (none when the cap is
   * lifted; without `cap`, the messages count on no day).
   */
  async enqueueCampaign(
    campaignId: number,
    provinces: string[],
    carriers: string[],
    manager: EntityManager,
    cap: (DailyCapDay & { lifted: boolean }) | null = null,
  ): Promise<number> {
    // A partition per campaign: archiving a finished campaign is a DETACH, not a DELETE of millions of rows.
    const partition = `messages_c${Math.trunc(campaignId)}`;
    await manager.query(`CREATE TABLE ${partition} PARTITION OF messages FOR VALUES IN (${Math.trunc(campaignId)})`);
    const atCapSql = cap && !cap.lifted ? await lockCapDay(cap, campaignId, '$4', manager) : NOBODY_AT_CAP;
    await manager.query(enqueueMessages(atCapSql), [campaignId, provinces, carriers, cap?.day ?? null, cap?.heldUntil ?? null]);
    await manager.query(INITIALISE_STATS, [campaignId, provinces, carriers]);
    // Statistics before the first claim: planned on an empty table's guess, the hot statements were seen
    // hashing every queued row instead of walking the index.
    await manager.query(`ANALYZE ${partition}`);
    const [{ targeted }] = await queryRows<{ targeted: string }>(
      manager,
      'SELECT COALESCE(sum(targeted), 0) AS targeted FROM campaign_stats WHERE campaign_id = $1',
      [campaignId],
    );
    return Number(targeted);
  }

  async runningCampaigns(carrier: string): Promise<RunningCampaign[]> {
    return (await queryPrepared<CampaignRow>(this.db, HOT.runningCampaigns, [carrier])).map(toRunningCampaign);
  }

  /** Campaigns whose messages a dispatcher holds, with their state now: whether they may still go to the carrier. */
  async campaignsInHand(ids: number[]): Promise<{ campaign: RunningCampaign; state: CampaignState }[]> {
    const rows = await queryPrepared<CampaignRow & { state: CampaignState }>(this.db, HOT.campaignsInHand, [pgArray(ids)]);
    return rows.map((row) => ({ campaign: toRunningCampaign(row), state: row.state }));
  }

  async claim(campaign: RunningCampaign, carrier: string, afterId: number, limit: number, leaseSeconds: number): Promise<ClaimedMessage[]> {
    const rows = await queryPrepared<ClaimedRow>(this.db, HOT.claim, [campaign.id, carrier, afterId, limit, leaseSeconds]);
    return rows.map((row) => toClaimed(row, campaign)).sort((a, b) => a.id - b.id);
  }

  async textsOf(textIds: number[]): Promise<Map<number, CampaignText>> {
    const rows = await queryRows<{ id: string; province_code: string } & Omit<CampaignText, 'id' | 'provinceCode'>>(
      this.db,
      'SELECT id, province_code, body, encoding, segments FROM campaign_texts WHERE id = ANY($1)',
      [textIds],
    );
    return new Map(
      rows.map((row) => [
        Number(row.id),
        { id: Number(row.id), provinceCode: row.province_code, body: row.body, encoding: row.encoding, segments: row.segments },
      ]),
    );
  }

  async requeueExpiredLeases(): Promise<number> {
    return (await queryRows(this.db, REQUEUE_EXPIRED_LEASES)).length;
  }

  /** Ends a cancelled campaign's queued and held messages as cancelled (never sent), counters and buckets included; returns how many. */
  async cancelUnsent(campaignId: number, reason: string, manager: EntityManager = this.db.manager): Promise<number> {
    const [{ cancelled }] = await queryRows<{ cancelled: number }>(manager, CANCEL_UNSENT_OF_CAMPAIGN, [campaignId, reason]);
    return cancelled;
  }

  /** Cancels what came back to the queue of cancelled campaigns (a retry, a send withdrawn) after the cancel; returns how many. */
  async cancelUnsentOfCancelled(): Promise<number> {
    let cancelled = 0;
    for (const { id } of await queryRows<{ id: string }>(this.db, CANCELLED_WITH_QUEUED))
      cancelled += await this.cancelUnsent(Number(id), 'campaign cancelled');
    return cancelled;
  }

  /**
   * Running campaigns whose every message is final and whose figures no receipt can still change: a message
   * that went again while the carrier may have had it waits `copyReceiptSeconds` after its end, for the
   * receipt of that other copy to arrive and be retired as unmatched (and counted as a duplicate).
   */
  async finishedCampaigns(copyReceiptSeconds: number): Promise<number[]> {
    return (await queryRows<{ id: string }>(this.db, FINISHED_CAMPAIGNS, [copyReceiptSeconds])).map((row) => Number(row.id));
  }
}
