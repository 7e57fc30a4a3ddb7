import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { pgArray, queryPrepared, queryRows } from '@loa/database';
import { BUCKET_MISMATCHES, COUNT_DUPLICATES, STATS_MISMATCHES } from './campaign-stats.sql';
import {
  type CampaignText,
  type ClaimedMessage,
  type RunningCampaign,
  type StateChange,
  type StoredInbound,
  type StoredReceipt,
  type SubmittedPart,
} from './delivery.types';
import { type CampaignState } from './campaign-states';
import { canMove, type MessageState, RECEIPT_FINAL_STATES, RECEIPT_STAT_OF } from './message-states';
import {
  APPLY_LATE_ACCEPTS,
  CANCEL_UNSENT_OF_CAMPAIGN,
  CANCELLED_WITH_QUEUED,
  FINISHED_CAMPAIGNS,
  INITIALISE_STATS,
  MARK_OVERBILLED_DUPLICATES,
  OVERDUE_SUBMITTED,
  REQUEUE_EXPIRED_LEASES,
  enqueueMessages,
} from './messages.sql';
import { APPLY_RECEIPTS, BILL_UNMATCHED_COPIES, FINAL_STATES_OF, INSERT_INBOUND, MATCH_RECEIPTS_BY_NUMBER, RETIRE_UNMATCHED_RECEIPTS } from './receipts.sql';
import {
  type CampaignRow,
  type ClaimedRow,
  type CountedMessage,
  HOT,
  incrementStats,
  insertSubmissions,
  keyOf,
  messageKey,
  receiptColumns,
  receiptReason,
  toClaimed,
  toRunningCampaign,
} from './delivery-rows';
import { partMask } from './send-outcomes';
import { type DailyCapDay, lockCapDay } from './send-limits.repository';
import { NOBODY_AT_CAP } from './send-limits.sql';

/** A counter row that disagrees with a recount of its messages: each differing counter as [counted, recounted]. */
export interface CounterMismatch {
  campaignId: number;
  provinceCode: string;
  carrier: string;
  differences: Record<string, [number, number]>;
}

/**
 * The one owner of message state: every change of a message's state, and the counters that move with it in
 * the same transaction, goes through here (the transitions of message-states.ts); nothing else writes messages.
 */
@Injectable()
export class DeliveryRepository {
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

  /**
   * Sending outcomes of one batch, with their submissions and counters, in one transaction; `receipts` came
   * with their message's answer and end it with them. Repeating it changes nothing.
   */
  async recordOutcomes(changes: StateChange[], submissions: SubmittedPart[], carrier: string, receipts: StoredReceipt[] = []): Promise<void> {
    await this.db.transaction(async (manager) => {
      const stayed = new Set((await this.applyStates(changes, 'sending', manager)).map((row) => messageKey(keyOf(row))));
      const carried = new Map(receipts.map((receipt) => [receipt.smscMessageId, receipt]));
      // The parts recorded now are only needed for messages that did not move: usually none.
      const inserted = await insertSubmissions(manager, carrier, submissions, carried, stayed.size > 0);
      await this.storeCarriedReceipts(receipts, submissions, stayed, manager);
      const resent = changes.filter((change) => change.resend && change.sent && change.sent.billed > 0);
      await this.markDuplicates(
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
    await this.applyStates(complete, 'queued', manager);
    await this.countBilled(billed, manager);
  }

  /** Moves the PDUs billed to messages beyond their state changes into the counters, then marks those now duplicated; returns how many. */
  private async countBilled(billed: (CountedMessage & { id: string; billed: number })[], manager: EntityManager): Promise<number> {
    await incrementStats(
      manager,
      billed.map((row) => ({ ...row, state: null })),
    );
    return this.markDuplicates(billed.map(keyOf), manager);
  }

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
      await this.applyStates(changes, 'submitted', manager);
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
      await this.applyStates(
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
      return { perCarrier, duplicated: await this.countBilled(billed, manager) };
    });
  }

  /** Ends as unknown the submitted messages whose receipt is overdue; returns how many. */
  async expireOverdueSubmitted(graceSeconds: number, limit: number): Promise<number> {
    const selected = await queryRows<{ campaign_id: string; id: string }>(this.db, OVERDUE_SUBMITTED, [graceSeconds, limit]);
    const changes = selected.map((row) => ({
      ...keyOf(row),
      state: 'unknown' as const,
      error: 'no delivery receipt within the validity period',
    }));
    return changes.length - (await this.db.transaction((manager) => this.applyStates(changes, 'submitted', manager))).length;
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

  async requeueExpiredLeases(): Promise<number> {
    return (await queryRows(this.db, REQUEUE_EXPIRED_LEASES)).length;
  }

  /**
   * Running campaigns whose every message is final and whose figures no receipt can still change: a message
   * that went again while the carrier may have had it waits `copyReceiptSeconds` after its end, for the
   * receipt of that other copy to arrive and be retired as unmatched (and counted as a duplicate).
   */
  async finishedCampaigns(copyReceiptSeconds: number): Promise<number[]> {
    return (await queryRows<{ id: string }>(this.db, FINISHED_CAMPAIGNS, [copyReceiptSeconds])).map((row) => Number(row.id));
  }

  /** Counter rows that disagree with a recount of the messages (of one campaign, or all): there should be none. */
  async counterMismatches(campaignId: number | null = null): Promise<CounterMismatch[]> {
    const rows = await queryRows<CountedMessage & { differences: Record<string, [number, number]> }>(this.db, STATS_MISMATCHES, [campaignId]);
    return rows.map((row) => ({ campaignId: Number(row.campaign_id), provinceCode: row.province_code, carrier: row.carrier, differences: row.differences }));
  }

  /** Counter rows whose time buckets (what "as of" reports sum) do not add up to them: there should be none. */
  async bucketMismatches(campaignId: number | null = null): Promise<CounterMismatch[]> {
    const rows = await queryRows<CountedMessage & { differences: Record<string, [number, number]> }>(this.db, BUCKET_MISMATCHES, [campaignId]);
    return rows.map((row) => ({ campaignId: Number(row.campaign_id), provinceCode: row.province_code, carrier: row.carrier, differences: row.differences }));
  }

  /** Moves messages that are still in `from`, and their counters (in the same statement); returns those that did not move. */
  private async applyStates(changes: StateChange[], from: MessageState, manager: EntityManager): Promise<{ campaign_id: string; id: string }[]> {
    if (changes.length === 0) return [];
    const refused = changes.find((change) => !canMove(from, change.state));
    if (refused) throw new Error(`message ${refused.campaignId}/${refused.id}: ${from} -> ${refused.state} is not a transition of the message state machine`);
    return queryPrepared<{ campaign_id: string; id: string }>(manager, HOT.applyStates, [
      pgArray(changes.map((c) => c.campaignId)),
      pgArray(changes.map((c) => c.id)),
      pgArray(changes.map((c) => c.state)),
      pgArray(changes.map((c) => c.error ?? null)),
      pgArray(changes.map((c) => c.retryAfterSeconds ?? null)),
      pgArray(changes.map((c) => (c.refundAttempt ? 1 : 0))),
      pgArray(changes.map((c) => c.awaitingReceiptParts ?? 0)),
      from,
      pgArray(changes.map((c) => (c.unconfirmedSend ? 1 : 0))),
      pgArray(changes.map((c) => c.sent?.acceptedMask ?? 0)),
      pgArray(changes.map((c) => c.sent?.parts ?? null)),
      pgArray(changes.map((c) => c.sent?.reference ?? null)),
      pgArray(changes.map((c) => c.sent?.newReference ?? false)),
      pgArray(changes.map((c) => c.sent?.billed ?? 0)),
      pgArray(changes.map((c) => c.receipted ?? false)),
      pgArray(changes.map((c) => Boolean(c.byReceipt || c.receipted))),
    ]);
  }

  /** Marks the messages among `keys` that the carrier took more PDUs of than they have, and counts them; returns how many. */
  private async markDuplicates(keys: { campaignId: number; id: number }[], manager: EntityManager): Promise<number> {
    if (keys.length === 0) return 0;
    const marked = await queryRows<CountedMessage>(manager, MARK_OVERBILLED_DUPLICATES, [keys.map((k) => k.campaignId), keys.map((k) => k.id)]);
    if (marked.length > 0) {
      await manager.query(COUNT_DUPLICATES, [marked.map((m) => m.campaign_id), marked.map((m) => m.province_code), marked.map((m) => m.carrier)]);
    }
    return marked.length;
  }
}
