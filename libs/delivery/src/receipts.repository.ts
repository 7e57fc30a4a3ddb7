import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryPrepared, queryRows } from '@loa/database';
import { type CountedMessage, HOT, receiptColumns, receiptReason } from './delivery-rows';
import { type StoredInbound, type StoredReceipt } from './delivery.types';
import { applyStates, countBilled } from './message-moves';
import { type MessageState, RECEIPT_FINAL_STATES, RECEIPT_STAT_OF } from './message-states';
import { APPLY_RECEIPTS, BILL_UNMATCHED_COPIES, FINAL_STATES_OF, INSERT_INBOUND, MATCH_RECEIPTS_BY_NUMBER, RETIRE_UNMATCHED_RECEIPTS } from './receipts.sql';

/**
 * Delivery receipts and inbound messages: stored as received (append-only), applied to their messages in
 * batches (a receipt before its submit_sm_resp waits and is matched later), matched by number for a send
 * never answered, and retired when nothing claims them.
 */
@Injectable()
export class ReceiptsRepository {
  constructor(private readonly db: DataSource) {}

  /** Stores receipts as received; those of one-part messages already submitted end them in the same transaction. */
  async storeReceipts(receipts: StoredReceipt[]): Promise<void> {
    await this.db.transaction(async (manager) => {
      const ended = await queryPrepared<{ campaign_id: string; message_id: string; receipt_state: string; error_code: string | null }>(
        manager,
        HOT.storeReceipts,
        receiptColumns(receipts),
      );
      const changes = ended.map((row) => ({
        campaignId: Number(row.campaign_id),
        id: Number(row.message_id),
        state: RECEIPT_FINAL_STATES[row.receipt_state],
        error: receiptReason(row.receipt_state, row.error_code),
        byReceipt: true,
      }));
      await applyStates(changes, 'submitted', manager);
    });
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

  /** Applies up to `limit` matched receipts; returns how many messages they touched (0: nothing left). */
  async applyReceipts(limit: number): Promise<number> {
    return this.db.transaction(async (manager) => {
      const touched = await queryRows<{ campaign_id: string; message_id: string }>(manager, APPLY_RECEIPTS, [limit]);
      if (touched.length === 0) return 0;
      const finals = await queryRows<{
        campaign_id: string;
        message_id: string;
        state: MessageState;
        receipt_state: string | null;
        receipt_error: string | null;
      }>(manager, FINAL_STATES_OF, [touched.map((t) => t.campaign_id), touched.map((t) => t.message_id)]);
      await applyStates(
        finals.map((f) => ({
          campaignId: Number(f.campaign_id),
          id: Number(f.message_id),
          state: f.state,
          error: f.state === 'delivered' ? null : receiptReason(f.receipt_state ?? RECEIPT_STAT_OF[f.state] ?? f.state.toUpperCase(), f.receipt_error),
          byReceipt: true,
        })),
        'submitted',
        manager,
      );
      return touched.length;
    });
  }

  /** Attaches orphan receipts to messages waiting for one (policy await-receipt); returns how many. */
  async matchReceiptsByNumber(limit: number, options: { responseWaitSeconds: number; ambiguityWindowSeconds: number }): Promise<number> {
    const rows = await queryRows(this.db, MATCH_RECEIPTS_BY_NUMBER, [options.responseWaitSeconds, limit, options.ambiguityWindowSeconds]);
    return rows.length;
  }

  /**
   * Retires receipts that found no message within `afterSeconds`, bills the copies they show went out
   * unrecorded, and marks the messages that reached the carrier twice; returns the retired receipts per
   * carrier and those messages.
   */
  async retireUnmatchedReceipts(afterSeconds: number, limit: number): Promise<{ perCarrier: Map<string, number>; duplicated: number }> {
    return this.db.transaction(async (manager) => {
      const retired = await queryRows<{ id: string; carrier: string; smsc_message_id: string | null; msisdn: string | null }>(
        manager,
        RETIRE_UNMATCHED_RECEIPTS,
        [afterSeconds, limit],
      );
      const perCarrier = new Map<string, number>();
      for (const { carrier } of retired) perCarrier.set(carrier, (perCarrier.get(carrier) ?? 0) + 1);
      if (retired.length === 0) return { perCarrier, duplicated: 0 };
      const billed = await queryRows<CountedMessage & { id: string; billed: number }>(manager, BILL_UNMATCHED_COPIES, [
        retired.map((r) => r.id),
        retired.map((r) => r.carrier),
        retired.map((r) => r.smsc_message_id),
        retired.map((r) => r.msisdn),
      ]);
      return { perCarrier, duplicated: await countBilled(billed, manager) };
    });
  }
}
