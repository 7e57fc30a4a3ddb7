import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '@loa/database';
import { INCREMENT_STATS } from './campaign-stats.sql';
import { type ClaimedMessage, type MessageState, type RunningCampaign, type StateChange, type StoredInbound, type StoredReceipt, type SubmittedPart } from './message-state';
import { APPLY_MESSAGE_STATES, CLAIM_MESSAGES, INSERT_SUBMISSIONS, OVERDUE_SUBMITTED, QUEUED_OF_CANCELLED, REQUEUE_EXPIRED_LEASES, RUNNING_CAMPAIGNS } from './messages.sql';
import { APPLY_RECEIPTS, FINAL_STATES_OF, INSERT_INBOUND, INSERT_RECEIPTS, MARK_DUPLICATES, MATCH_RECEIPTS_BY_NUMBER, RETIRE_UNMATCHED_RECEIPTS } from './receipts.sql';

export interface CampaignText {
  body: string;
  encoding: 'gsm7' | 'ucs2';
  segments: number;
}

/** All SQL of the send path: claiming, state changes with their counters, submissions and receipts. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly db: DataSource) {}

  async runningCampaigns(carrier: string): Promise<RunningCampaign[]> {
    const rows = await queryRows<{ id: string; validity_hours: number; on_ambiguous: RunningCampaign['onAmbiguous'] }>(this.db, RUNNING_CAMPAIGNS, [carrier]);
    return rows.map((row) => ({ id: Number(row.id), validityHours: row.validity_hours, onAmbiguous: row.on_ambiguous }));
  }

  async claim(campaign: RunningCampaign, carrier: string, afterId: number, limit: number, leaseSeconds: number): Promise<ClaimedMessage[]> {
    const rows = await queryRows<{ id: string; msisdn: string; province_code: string; text_id: string; attempts: number }>(
      this.db, CLAIM_MESSAGES, [campaign.id, carrier, afterId, limit, leaseSeconds]);
    const { validityHours, onAmbiguous } = campaign;
    return rows
      .map((row) => ({ id: Number(row.id), campaignId: campaign.id, validityHours, onAmbiguous, msisdn: row.msisdn, provinceCode: row.province_code, textId: Number(row.text_id), attempts: row.attempts }))
      .sort((a, b) => a.id - b.id);
  }

  async textsOf(textIds: number[]): Promise<Map<number, CampaignText>> {
    const rows = await queryRows<{ id: string } & CampaignText>(
      this.db, 'SELECT id, body, encoding, segments FROM campaign_texts WHERE id = ANY($1)', [textIds]);
    return new Map(rows.map((row) => [Number(row.id), { body: row.body, encoding: row.encoding, segments: row.segments }]));
  }

  /** Sending outcomes of one batch, with their submissions and counters, in one transaction. */
  async recordOutcomes(changes: StateChange[], submissions: SubmittedPart[], carrier: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      if (submissions.length > 0) {
        await manager.query(INSERT_SUBMISSIONS, [
          carrier,
          submissions.map((s) => s.smscMessageId),
          submissions.map((s) => s.campaignId),
          submissions.map((s) => s.messageId),
          submissions.map((s) => s.part),
          submissions.map((s) => s.parts),
        ]);
      }
      await this.applyStates(changes, 'sending', manager);
    });
  }

  async storeReceipts(receipts: StoredReceipt[]): Promise<void> {
    await this.db.query(INSERT_RECEIPTS, [
      receipts.map((r) => r.carrier),
      receipts.map((r) => r.smscMessageId),
      receipts.map((r) => r.state),
      receipts.map((r) => r.errorCode),
      receipts.map((r) => r.doneAt),
      receipts.map((r) => r.raw),
      receipts.map((r) => r.msisdn),
    ]);
  }

  async storeInbound(messages: StoredInbound[]): Promise<void> {
    await this.db.query(INSERT_INBOUND, [
      messages.map((m) => m.carrier),
      messages.map((m) => m.sourceAddr),
      messages.map((m) => m.destAddr),
      messages.map((m) => m.body),
      messages.map((m) => m.dataCoding),
    ]);
  }

  /** Attaches orphan receipts to messages waiting for one (policy await-receipt); returns how many. */
  async matchReceiptsByNumber(limit: number, options: { responseWaitSeconds: number; ambiguityWindowSeconds: number }): Promise<number> {
    const rows = await queryRows(this.db, MATCH_RECEIPTS_BY_NUMBER, [options.responseWaitSeconds, limit, options.ambiguityWindowSeconds]);
    return rows.length;
  }

  /**
   * Retires receipts that found no message within `afterSeconds`, and counts the messages they show went
   * out twice (after a lost dispatcher); returns the retired receipts per carrier and those messages.
   */
  async retireUnmatchedReceipts(afterSeconds: number, limit: number): Promise<{ perCarrier: Map<string, number>; duplicated: number }> {
    return this.db.transaction(async (manager) => {
      const rows = await queryRows<{ carrier: string; msisdn: string | null }>(manager, RETIRE_UNMATCHED_RECEIPTS, [afterSeconds, limit]);
      const perCarrier = new Map<string, number>();
      for (const { carrier } of rows) perCarrier.set(carrier, (perCarrier.get(carrier) ?? 0) + 1);
      if (rows.length === 0) return { perCarrier, duplicated: 0 };
      const [{ duplicated }] = await queryRows<{ duplicated: number }>(manager, MARK_DUPLICATES, [rows.map((r) => r.carrier), rows.map((r) => r.msisdn)]);
      return { perCarrier, duplicated };
    });
  }

  /** Ends as unknown the submitted messages whose receipt is overdue; returns how many. */
  expireOverdueSubmitted(graceSeconds: number, limit: number): Promise<number> {
    const end = { from: 'submitted', to: 'unknown', error: 'no delivery receipt within the validity period' } as const;
    return this.endSelected(OVERDUE_SUBMITTED, [graceSeconds, limit], end);
  }

  /** Fails what came back to the queue of a cancelled campaign; returns how many. */
  failQueuedOfCancelled(limit: number): Promise<number> {
    return this.endSelected(QUEUED_OF_CANCELLED, [limit], { from: 'queued', to: 'failed', error: 'campaign cancelled' });
  }

  /** Applies up to `limit` matched receipts; returns how many messages they touched (0: nothing left). */
  async applyReceipts(limit: number): Promise<number> {
    return this.db.transaction(async (manager) => {
      const touched = await queryRows<{ campaign_id: string; message_id: string }>(manager, APPLY_RECEIPTS, [limit]);
      if (touched.length === 0) return 0;
      const finals = await queryRows<{ campaign_id: string; message_id: string; state: MessageState }>(manager, FINAL_STATES_OF, [
        touched.map((t) => t.campaign_id),
        touched.map((t) => t.message_id),
      ]);
      const changes = finals.map((f) => ({ campaignId: Number(f.campaign_id), id: Number(f.message_id), state: f.state }));
      await this.applyStates(changes, 'submitted', manager);
      return touched.length;
    });
  }

  async requeueExpiredLeases(): Promise<number> {
    return (await queryRows(this.db, REQUEUE_EXPIRED_LEASES)).length;
  }

  /** Moves the messages a query selects (campaign_id, id) from one state to a final one, with their counters. */
  private async endSelected(sql: string, params: unknown[], end: { from: MessageState; to: MessageState; error: string }): Promise<number> {
    const selected = await queryRows<{ campaign_id: string; id: string }>(this.db, sql, params);
    const changes = selected.map((row) => ({ campaignId: Number(row.campaign_id), id: Number(row.id), state: end.to, error: end.error }));
    return this.db.transaction((manager) => this.applyStates(changes, end.from, manager));
  }

  /** Moves messages that are still in `from`, and their campaign counters; returns how many moved. */
  private async applyStates(changes: StateChange[], from: MessageState, manager: EntityManager): Promise<number> {
    if (changes.length === 0) return 0;
    const moved = await queryRows<{ campaign_id: string; province_code: string; carrier: string; state: string }>(manager, APPLY_MESSAGE_STATES, [
      changes.map((c) => c.campaignId),
      changes.map((c) => c.id),
      changes.map((c) => c.state),
      changes.map((c) => c.error ?? null),
      changes.map((c) => c.retryAfterSeconds ?? null),
      changes.map((c) => (c.refundAttempt ? 1 : 0)),
      changes.map((c) => c.awaitingReceiptParts ?? 0),
      from,
      changes.map((c) => (c.unconfirmedSend ? 1 : 0)),
    ]);
    if (moved.length > 0) {
      await manager.query(INCREMENT_STATS, [
        moved.map((m) => m.campaign_id),
        moved.map((m) => m.province_code),
        moved.map((m) => m.carrier),
        moved.map((m) => m.state),
      ]);
    }
    return moved.length;
  }
}
