import { pgArray, prepared, queryPrepared, type SqlRunner } from '@loa/database';
import { type EntityManager } from 'typeorm';
import { INCREMENT_STATS } from './campaign-stats.sql';
import { type ClaimedMessage, type RunningCampaign, type StoredReceipt, type SubmittedPart } from './delivery.types';
import { type MessageState } from './message-states';
import { APPLY_MESSAGE_STATES, CAMPAIGNS_IN_HAND, CLAIM_MESSAGES, INSERT_SUBMISSIONS, RUNNING_CAMPAIGNS } from './messages.sql';
import { INSERT_APPLIED_RECEIPTS, STORE_RECEIPTS } from './receipts.sql';

// The delivery repositories' prepared statements, their rows as their callers name them, and the writes several share.

/** What a dispatcher runs for every batch, prepared once per connection. */
export const HOT = {
  runningCampaigns: prepared('loa_running_campaigns', RUNNING_CAMPAIGNS),
  campaignsInHand: prepared('loa_campaigns_in_hand', CAMPAIGNS_IN_HAND),
  claim: prepared('loa_claim_messages', CLAIM_MESSAGES),
  applyStates: prepared('loa_apply_message_states', APPLY_MESSAGE_STATES),
  insertSubmissions: prepared('loa_insert_submissions', INSERT_SUBMISSIONS),
  insertAppliedReceipts: prepared('loa_insert_applied_receipts', INSERT_APPLIED_RECEIPTS),
  storeReceipts: prepared('loa_store_receipts', STORE_RECEIPTS),
};

/** A message's key and where its counters live. */
export interface CountedMessage {
  campaign_id: string;
  province_code: string;
  carrier: string;
}

/** A message row's key as the state changes name it. */
export function keyOf(row: { campaign_id: string; id: string }): { campaignId: number; id: number } {
  return { campaignId: Number(row.campaign_id), id: Number(row.id) };
}

/** One string per message, for sets and maps. */
export function messageKey({ campaignId, id }: { campaignId: number; id: number }): string {
  return `${campaignId}:${id}`;
}

export interface CampaignRow {
  id: string;
  validity_hours: number;
  on_ambiguous: RunningCampaign['onAmbiguous'];
  window_start: string | null;
  window_end: string | null;
  valid_until: Date | null;
}

export function toRunningCampaign(row: CampaignRow): RunningCampaign {
  return {
    id: Number(row.id),
    validityHours: row.validity_hours,
    onAmbiguous: row.on_ambiguous,
    window: { start: row.window_start, end: row.window_end },
    validUntil: row.valid_until?.getTime(),
  };
}

export interface ClaimedRow {
  id: string;
  msisdn: string;
  province_code: string;
  text_id: string;
  attempts: number;
  unconfirmed_sends: number;
  parts_accepted: number;
  parts: number | null;
  concat_ref: number | null;
}

export function toClaimed(row: ClaimedRow, campaign: RunningCampaign): ClaimedMessage {
  return {
    id: Number(row.id),
    campaignId: campaign.id,
    validityHours: campaign.validityHours,
    onAmbiguous: campaign.onAmbiguous,
    msisdn: row.msisdn,
    provinceCode: row.province_code,
    textId: Number(row.text_id),
    attempts: row.attempts,
    unconfirmedSends: row.unconfirmed_sends,
    partsAccepted: row.parts_accepted,
    parts: row.parts,
    reference: row.concat_ref,
  };
}

/**
 * Records the parts' SMSC ids (with the stat and err of a receipt that came with the answer); returns the parts
 * not recorded before, if `returning` (otherwise nothing).
 */
export async function insertSubmissions(
  manager: EntityManager,
  carrier: string,
  submissions: SubmittedPart[],
  carried: Map<string | null, StoredReceipt>,
  returning: boolean,
): Promise<Omit<SubmittedPart, 'smscMessageId'>[]> {
  if (submissions.length === 0) return [];
  const rows = await queryPrepared<{ campaign_id: string; message_id: string; part: number; parts: number }>(manager, HOT.insertSubmissions, [
    carrier,
    pgArray(submissions.map((s) => s.smscMessageId)),
    pgArray(submissions.map((s) => s.campaignId)),
    pgArray(submissions.map((s) => s.messageId)),
    pgArray(submissions.map((s) => s.part)),
    pgArray(submissions.map((s) => s.parts)),
    pgArray(submissions.map((s) => carried.get(s.smscMessageId)?.state ?? null)),
    pgArray(submissions.map((s) => carried.get(s.smscMessageId)?.errorCode ?? null)),
    returning,
  ]);
  return rows.map((row) => ({ campaignId: Number(row.campaign_id), messageId: Number(row.message_id), part: row.part, parts: row.parts }));
}

export function receiptColumns(receipts: StoredReceipt[]): unknown[] {
  return [
    pgArray(receipts.map((r) => r.carrier)),
    pgArray(receipts.map((r) => r.smscMessageId)),
    pgArray(receipts.map((r) => r.state)),
    pgArray(receipts.map((r) => r.errorCode)),
    // ISO text: pg's own formatting of Date values in arrays showed in the profile.
    pgArray(receipts.map((r) => r.doneAt?.toISOString() ?? null)),
    pgArray(receipts.map((r) => r.raw)),
    pgArray(receipts.map((r) => r.msisdn)),
  ];
}

/**
 * Moves the counters of messages that entered a state (null: none, only PDUs billed), submitted on the way when
 * receipted; `byReceipt` when a receipt ended it, `error` the reason it ended undelivered.
 */
export async function incrementStats(
  runner: SqlRunner,
  moved: (CountedMessage & { state: MessageState | null; billed: number; receipted?: boolean; byReceipt?: boolean; error?: string | null })[],
): Promise<void> {
  if (moved.length === 0) return;
  await runner.query(INCREMENT_STATS, [
    pgArray(moved.map((m) => m.campaign_id)),
    pgArray(moved.map((m) => m.province_code)),
    pgArray(moved.map((m) => m.carrier)),
    pgArray(moved.map((m) => m.state)),
    pgArray(moved.map((m) => m.billed)),
    pgArray(moved.map((m) => m.receipted ?? false)),
    pgArray(moved.map((m) => m.byReceipt ?? false)),
    pgArray(moved.map((m) => m.error ?? null)),
  ]);
}

/** The receipt's own words for why a message ended: `stat:UNDELIV err:001`. */
export function receiptReason(stat: string, errorCode: string | null): string | null {
  if (stat === 'DELIVRD') return null;
  return errorCode ? `stat:${stat} err:${errorCode}` : `stat:${stat}`;
}
