import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '@loa/database';
import { INCREMENT_STATS } from './campaign-stats.sql';
import { type ClaimedMessage, type MessageState, type StateChange, type StoredReceipt, type SubmittedPart } from './message-state';
import { APPLY_MESSAGE_STATES, CLAIM_MESSAGES, INSERT_SUBMISSIONS, REQUEUE_EXPIRED_LEASES, RUNNING_CAMPAIGNS } from './messages.sql';
import { APPLY_RECEIPTS, FINAL_STATES_OF, INSERT_RECEIPTS } from './receipts.sql';

/** All SQL of the send path: claiming, state changes with their counters, submissions and receipts. */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly db: DataSource) {}

  async runningCampaigns(carrier: string): Promise<{ id: number; validityHours: number }[]> {
    const rows = await queryRows<{ id: string; validity_hours: number }>(this.db, RUNNING_CAMPAIGNS, [carrier]);
    return rows.map((row) => ({ id: Number(row.id), validityHours: row.validity_hours }));
  }

  async claim(campaignId: number, carrier: string, afterId: number, limit: number, leaseSeconds: number): Promise<ClaimedMessage[]> {
    const rows = await queryRows<{ id: string; msisdn: string; province_code: string; text_id: string; attempts: number }>(
      this.db, CLAIM_MESSAGES, [campaignId, carrier, afterId, limit, leaseSeconds]);
    return rows
      .map((row) => ({ id: Number(row.id), campaignId, msisdn: row.msisdn, provinceCode: row.province_code, textId: Number(row.text_id), attempts: row.attempts }))
      .sort((a, b) => a.id - b.id);
  }

  async textsOf(textIds: number[]): Promise<Map<number, { body: string; encoding: 'gsm7' | 'ucs2' }>> {
    const rows = await queryRows<{ id: string; body: string; encoding: 'gsm7' | 'ucs2' }>(
      this.db, 'SELECT id, body, encoding FROM campaign_texts WHERE id = ANY($1)', [textIds]);
    return new Map(rows.map((row) => [Number(row.id), { body: row.body, encoding: row.encoding }]));
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
    ]);
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
      from,
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
