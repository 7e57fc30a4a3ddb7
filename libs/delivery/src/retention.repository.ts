import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '@loa/database';

/** A finished campaign whose per-message rows were purged. */
export interface PurgedCampaign {
  id: number;
  provinces: string[];
}

/**
 * Personal data kept no longer than needed (Law 91/2025/QH15): once a campaign has been finished (completed
 * or cancelled) for the retention period, its per-message rows (numbers, states: the campaign's partition),
 * its submissions, the receipts matched to them (they carry the numbers too) and its test sends go; its figures (campaign_stats, the campaign itself) stay for the reports.
 */
/** Receipts are found through the campaign's submissions, so they go before the submissions do. */
const PURGE_RECEIPTS = `
  DELETE FROM delivery_receipts r USING submissions s
  WHERE s.campaign_id = $1 AND r.carrier = s.carrier AND r.smsc_message_id = s.smsc_message_id`;

@Injectable()
export class RetentionRepository {
  constructor(private readonly db: DataSource) {}

  async purgeFinishedBefore(cutoff: Date): Promise<PurgedCampaign[]> {
    const due = await queryRows<{ id: string; provinces: string[] }>(
      this.db,
      `SELECT id, provinces FROM campaigns
       WHERE state IN ('completed', 'cancelled') AND messages_purged_at IS NULL AND COALESCE(completed_at, updated_at) < $1
       ORDER BY id`,
      [cutoff],
    );
    const purged: PurgedCampaign[] = [];
    for (const campaign of due) {
      const id = Number(campaign.id);
      await this.db.transaction(async (manager) => {
        await manager.query(`DROP TABLE IF EXISTS messages_c${Math.trunc(id)}`);
        await manager.query(PURGE_RECEIPTS, [id]);
        await manager.query('DELETE FROM test_sends WHERE campaign_id = $1', [id]);
        await manager.query('DELETE FROM submissions WHERE campaign_id = $1', [id]);
        await manager.query('UPDATE campaigns SET messages_purged_at = now() WHERE id = $1', [id]);
      });
      purged.push({ id, provinces: campaign.provinces });
    }
    return purged;
  }
}
