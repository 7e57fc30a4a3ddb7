import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryRows } from '@loa/database';
import {
  CAMPAIGNS_OF_THE_DAY,
  CAMPAIGNS_PAST_VALIDITY,
  CAMPAIGNS_WITH_HELD_DUE,
  CAMPAIGNS_WITH_QUEUED_FROM_EARLIER_DAYS,
  atCap,
  END_UNSENT_OF_CAMPAIGN,
  HOLD_LEFT_FROM_EARLIER_DAYS,
  LOCK_DAILY_CAP,
  NOBODY_AT_CAP,
  POSTPONE_HELD,
  releaseHeld,
} from './send-limits.sql';

/** The daily cap as it applies to messages queued now: the Viet Nam day they count on, and when held ones look again. */
export interface DailyCapDay {
  /** "YYYY-MM-DD", Asia/Ho_Chi_Minh. */
  day: string;
  /** The midnight that starts `day`. */
  startsAt: Date;
  /** Warnings a subscriber may get that day across campaigns. */
  limit: number;
  /** When a message held back today is looked at again (the next day's window opening). */
  heldUntil: Date;
}

/** A running campaign with held messages due, and what its own cap and window say. */
export interface CampaignWithHeld {
  id: number;
  windowStart: string | null;
  windowEnd: string | null;
  capLifted: boolean;
}

/**
 * The daily cap per subscriber and the end of a campaign's validity: the message states held, capped and
 * expired_unsent, moved set-based over one campaign at a time. Cap steps run one at a time across processes
 * (an advisory lock), so two campaigns never both take a subscriber's last place of the day.
 */
@Injectable()
export class SendLimitsRepository {
  constructor(private readonly db: DataSource) {}

  /** Puts queued messages left from an earlier day back under the cap of `cap.day`; returns how many. */
  async holdLeftFromEarlierDays(cap: DailyCapDay, now: Date): Promise<number> {
    let held = 0;
    for (const { id } of await queryRows<{ id: string }>(this.db, CAMPAIGNS_WITH_QUEUED_FROM_EARLIER_DAYS, [cap.day])) {
      held += await this.db.transaction(async (manager) => {
        await manager.query(LOCK_DAILY_CAP);
        return count(manager, HOLD_LEFT_FROM_EARLIER_DAYS, [id, cap.day, now]);
      });
    }
    return held;
  }

  async campaignsWithHeldDue(now: Date): Promise<CampaignWithHeld[]> {
    const rows = await queryRows<{ id: string; window_start: string | null; window_end: string | null; daily_cap_lifted: boolean }>(
      this.db,
      CAMPAIGNS_WITH_HELD_DUE,
      [now],
    );
    return rows.map((row) => ({ id: Number(row.id), windowStart: row.window_start, windowEnd: row.window_end, capLifted: row.daily_cap_lifted }));
  }

  /**
   * Queues the held messages of a campaign due by `now` whose subscriber is under the cap of `cap.day` (all of
   * them when the campaign's cap is lifted); the rest wait until `cap.heldUntil`. Returns how many were released.
   */
  async releaseHeld(campaignId: number, cap: DailyCapDay, capLifted: boolean, now: Date): Promise<number> {
    return this.db.transaction(async (manager) => {
      const atCapSql = capLifted ? NOBODY_AT_CAP : await lockCapDay(cap, campaignId, '$2', manager);
      const released = await count(manager, releaseHeld(atCapSql), [campaignId, cap.day, now]);
      await manager.query(POSTPONE_HELD, [campaignId, now, cap.heldUntil]);
      return released;
    });
  }

  /**
   * Ends what campaigns past their validity never sent: queued as expired_unsent, held as capped, counters
   * included. Returns the totals.
   */
  async endUnsentPastValidity(now: Date): Promise<{ capped: number; expiredUnsent: number }> {
    const totals = { capped: 0, expiredUnsent: 0 };
    for (const { id } of await queryRows<{ id: string }>(this.db, CAMPAIGNS_PAST_VALIDITY, [now])) {
      const [ended] = await queryRows<{ capped: number; expired_unsent: number }>(this.db, END_UNSENT_OF_CAMPAIGN, [id]);
      totals.capped += ended.capped;
      totals.expiredUnsent += ended.expired_unsent;
    }
    return totals;
  }
}

/**
 * Takes the cap lock for the caller's transaction; returns the subscribers at the cap on `cap.day` (placeholder
 * $2 of the caller's statement holds the day) as SQL over the campaigns whose messages count that day. Campaign
 * `campaignId` is left out: it has one message per subscriber, the one being decided.
 */
export async function lockCapDay(cap: DailyCapDay, campaignId: number, dayPlaceholder: string, manager: EntityManager): Promise<string> {
  await manager.query(LOCK_DAILY_CAP);
  const counted = (await queryRows<{ id: string }>(manager, CAMPAIGNS_OF_THE_DAY, [cap.startsAt])).map((row) => Number(row.id));
  return atCap(
    counted.filter((id) => id !== campaignId),
    dayPlaceholder,
    cap.limit,
  );
}

async function count(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const [row] = await queryRows<{ count: number }>(manager, sql, parameters);
  return row.count;
}
