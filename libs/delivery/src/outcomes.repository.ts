import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { pgArray, queryPrepared, queryRows } from '@loa/database';
import { type CountedMessage, HOT, insertSubmissions, keyOf, messageKey, receiptColumns } from './delivery-rows';
import { type StateChange, type StoredReceipt, type SubmittedPart } from './delivery.types';
import { applyStates, countBilled, markDuplicates } from './message-moves';
import { APPLY_LATE_ACCEPTS, OVERDUE_SUBMITTED } from './messages.sql';
import { partMask } from './send-outcomes';

/**
 * What the carrier answered to each send: the state it moves a batch of messages to, with their
 * submissions (how receipts find them) and counters, in one transaction; late answers; overdue receipts.
 */
@Injectable()
export class OutcomesRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Sending outcomes of one batch, with their submissions and counters, in one transaction; `receipts` came
   * with their message's answer and end it with them. Repeating it changes nothing.
   */
  async recordOutcomes(changes: StateChange[], submissions: SubmittedPart[], carrier: string, receipts: StoredReceipt[] = []): Promise<void> {
    await this.db.transaction(async (manager) => {
      const stayed = new Set((await applyStates(changes, 'sending', manager)).map((row) => messageKey(keyOf(row))));
      const carried = new Map(receipts.map((receipt) => [receipt.smscMessageId, receipt]));
      // The parts recorded now are only needed for messages that did not move: usually none.
      const inserted = await insertSubmissions(manager, carrier, submissions, carried, stayed.size > 0);
      await this.storeCarriedReceipts(receipts, submissions, stayed, manager);
      const resent = changes.filter((change) => change.resend && change.sent && change.sent.billed > 0);
      await markDuplicates(
        resent.map(({ campaignId, id }) => ({ campaignId, id })),
        manager,
      );
      // A message no longer 'sending' (its lease ran out under a slow process and it went back to the queue,
      // or another dispatcher has it now): what the carrier took of it counts as a late answer.
      // Parts recorded before (the same outcome written twice) are not new.
      const overtaken = inserted.filter((part) => stayed.has(messageKey({ campaignId: part.campaignId, id: part.messageId })));
      await this.applyLateAccepts(overtaken, manager);
    });
  }

  /**
   * Receipts carried by their message's outcome: applied with it when the message moved, otherwise (it had
   * gone back to the queue, its lease over: among `stayed`) stored unapplied for APPLY_RECEIPTS once the
   * message is submitted.
   */
  private async storeCarriedReceipts(receipts: StoredReceipt[], submissions: SubmittedPart[], stayed: Set<string>, manager: EntityManager): Promise<void> {
    if (receipts.length === 0) return;
    const partOf = new Map(submissions.map((part) => [part.smscMessageId, part]));
    const applied = receipts.map((receipt) => {
      const part = partOf.get(receipt.smscMessageId ?? '');
      return part !== undefined && (stayed.size === 0 || !stayed.has(messageKey({ campaignId: part.campaignId, id: part.messageId })));
    });
    await queryPrepared(manager, HOT.insertAppliedReceipts, [...receiptColumns(receipts), pgArray(applied)]);
  }

  /**
   * Parts whose submit_sm_resp came after the request had expired (the send was recorded as unanswered):
   * the carrier has them, their receipts will find them, and a message waiting to send them again does not.
   */
  async recordLateAccepts(parts: SubmittedPart[], carrier: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.applyLateAccepts(await insertSubmissions(manager, carrier, parts, new Map(), true), manager);
    });
  }

  /** Bills parts the state machine had not recorded as accepted (already inserted as submissions), and what follows from them. */
  private async applyLateAccepts(parts: Omit<SubmittedPart, 'smscMessageId'>[], manager: EntityManager): Promise<void> {
    if (parts.length === 0) return;
    const billed = await queryRows<CountedMessage & { id: string; billed: number; complete: boolean }>(manager, APPLY_LATE_ACCEPTS, [
      parts.map((p) => p.campaignId),
      parts.map((p) => p.messageId),
      parts.map((p) => partMask(p.part)),
      parts.map((p) => p.parts),
    ]);
    const complete = billed.filter((row) => row.complete).map((row) => ({ ...keyOf(row), state: 'submitted' as const }));
    await applyStates(complete, 'queued', manager);
    await countBilled(billed, manager);
  }

  /** Ends as unknown the submitted messages whose receipt is overdue; returns how many. */
  async expireOverdueSubmitted(graceSeconds: number, limit: number): Promise<number> {
    const selected = await queryRows<{ campaign_id: string; id: string }>(this.db, OVERDUE_SUBMITTED, [graceSeconds, limit]);
    const changes = selected.map((row) => ({
      ...keyOf(row),
      state: 'unknown' as const,
      error: 'no delivery receipt within the validity period',
    }));
    return changes.length - (await this.db.transaction((manager) => applyStates(changes, 'submitted', manager))).length;
  }
}
