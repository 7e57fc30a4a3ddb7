import { type EntityManager } from 'typeorm';
import { pgArray, queryPrepared, queryRows } from '@loa/database';
import { COUNT_DUPLICATES } from './campaign-stats.sql';
import { type CountedMessage, HOT, incrementStats, keyOf } from './delivery-rows';
import { type StateChange } from './delivery.types';
import { canMove, type MessageState } from './message-states';
import { MARK_OVERBILLED_DUPLICATES } from './messages.sql';

// The writes the outcome and receipt repositories share: every move of a message's state goes through
// applyStates, checked against the transition table, with its counters and buckets in the same statement.

/** Moves messages that are still in `from`, and their counters (in the same statement); returns those that did not move. */
export async function applyStates(changes: StateChange[], from: MessageState, manager: EntityManager): Promise<{ campaign_id: string; id: string }[]> {
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
export async function markDuplicates(keys: { campaignId: number; id: number }[], manager: EntityManager): Promise<number> {
  if (keys.length === 0) return 0;
  const marked = await queryRows<CountedMessage>(manager, MARK_OVERBILLED_DUPLICATES, [keys.map((k) => k.campaignId), keys.map((k) => k.id)]);
  if (marked.length > 0) {
    await manager.query(COUNT_DUPLICATES, [marked.map((m) => m.campaign_id), marked.map((m) => m.province_code), marked.map((m) => m.carrier)]);
  }
  return marked.length;
}

/** Moves the PDUs billed to messages beyond their state changes into the counters, then marks those now duplicated; returns how many. */
export async function countBilled(billed: (CountedMessage & { id: string; billed: number })[], manager: EntityManager): Promise<number> {
  await incrementStats(
    manager,
    billed.map((row) => ({ ...row, state: null })),
  );
  return markDuplicates(billed.map(keyOf), manager);
}
