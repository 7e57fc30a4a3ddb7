import { backoffDelay } from '@loa/common';
import { type OutboundSms, type ResendPartsMode, type SubmitOutcome } from '@loa/smpp';
import { type ClaimedMessage, type StateChange, type SubmittedPart } from './delivery.types';

/** How often and how soon a message goes again, by what the carrier answered. */
export interface RetryPolicy {
  /** Attempts a message gets while the SMSC refuses it with a temporary status (0x08, 0x45, 0x64, 0xFF…); then it fails. */
  maxRefusedAttempts: number;
  /** Wait after a refusal: doubles per attempt from the first up to the cap. */
  refusedBackoffSeconds: { first: number; max: number };
  /** Attempts a message gets while the SMSC never answers (policy resend); then it ends unknown. */
  maxAmbiguousAttempts: number;
  /** Wait before a message sent without an answer goes again: a late response or receipt may land first. */
  ambiguousResendSeconds: number;
  /** Wait before a message the link could not send (stopping, no session) goes again; no attempt is used. */
  notSentRetrySeconds: number;
}

/**
 * Which parts a claimed message sends, under which concatenation reference. The reference comes from the
 * message's id, so that a send nobody recorded (the dispatcher died) is completed by the next one under the
 * same reference instead of leaving its parts orphaned on the handset; after a recorded send, only the parts
 * the carrier lacks go. Carriers that do not join parts sent apart (`whole`) get every part under a new
 * reference each attempt.
 */
export function partsToSend(message: ClaimedMessage, mode: ResendPartsMode): Pick<OutboundSms, 'onlyParts' | 'reference'> {
  if (mode === 'whole') return { reference: message.id * 16 + message.attempts };
  const { partsAccepted, parts } = message;
  const reference = message.reference ?? message.id;
  if (partsAccepted === 0 || parts === null) return { reference };
  const onlyParts = Array.from({ length: parts }, (_, index) => index + 1).filter((part) => (partsAccepted & partMask(part)) === 0);
  return { onlyParts, reference };
}

export function partMask(part: number): number {
  return 1 << (part - 1);
}

/** A message's next state after one send, and the parts the carrier accepted in it. */
export function stateAfterSend(
  message: ClaimedMessage,
  sent: Pick<OutboundSms, 'onlyParts'>,
  outcome: SubmitOutcome,
  policy: RetryPolicy,
): { change: StateChange; submissions: SubmittedPart[] } {
  const next = nextState(message, outcome, policy);
  // One object shape for every outcome: this runs once per message, at thousands a second.
  const change: StateChange = {
    campaignId: message.campaignId,
    id: message.id,
    state: next.state,
    error: next.error,
    retryAfterSeconds: next.retryAfterSeconds,
    refundAttempt: next.refundAttempt,
    awaitingReceiptParts: next.awaitingReceiptParts,
    unconfirmedSend: next.unconfirmedSend,
    sent: sendRecord(sent, outcome),
    resend: message.partsAccepted !== 0 || message.unconfirmedSends > 0,
    receipted: false,
  };
  const submissions = outcome.accepted.map(({ part, smscMessageId }) => ({
    campaignId: message.campaignId,
    messageId: message.id,
    smscMessageId,
    part,
    parts: outcome.totalParts,
  }));
  return { change, submissions };
}

type NextState = Omit<StateChange, 'campaignId' | 'id' | 'sent'>;

function nextState(message: ClaimedMessage, outcome: SubmitOutcome, policy: RetryPolicy): NextState {
  switch (outcome.kind) {
    case 'accepted':
      return { state: 'submitted', error: null };
    case 'permanent':
      return { state: 'rejected', error: outcome.error };
    case 'not-sent':
      return { state: 'queued', error: outcome.error, retryAfterSeconds: policy.notSentRetrySeconds, refundAttempt: true };
    case 'refused':
      if (message.attempts >= policy.maxRefusedAttempts) return { state: 'failed', error: `${outcome.error} (${message.attempts} attempts)` };
      return { state: 'queued', error: outcome.error, retryAfterSeconds: backoffDelay(policy.refusedBackoffSeconds, message.attempts - 1) };
    case 'ambiguous':
      return afterNoAnswer(message, outcome, policy);
  }
}

/**
 * The campaign's policy for a part that got no answer. Waiting for receipts only makes sense when it was
 * the message's last part: otherwise the parts after it were never sent and must go, so it is sent again.
 */
function afterNoAnswer(message: ClaimedMessage, outcome: Extract<SubmitOutcome, { kind: 'ambiguous' }>, policy: RetryPolicy): NextState {
  if (message.onAmbiguous === 'await-receipt' && outcome.part === outcome.totalParts) {
    return { state: 'submitted', error: outcome.error, awaitingReceiptParts: outcome.totalParts };
  }
  if (message.attempts >= policy.maxAmbiguousAttempts) return { state: 'unknown', error: `${outcome.error} (${message.attempts} attempts)` };
  return { state: 'queued', error: outcome.error, retryAfterSeconds: policy.ambiguousResendSeconds, unconfirmedSend: true };
}

/** What the send left at the carrier; nothing when the link built no PDU (it was not running). */
function sendRecord(sent: Pick<OutboundSms, 'onlyParts'>, outcome: SubmitOutcome): StateChange['sent'] {
  if (outcome.totalParts === 0) return undefined;
  return {
    acceptedMask: outcome.accepted.reduce((mask, { part }) => mask | partMask(part), 0),
    parts: outcome.totalParts,
    reference: outcome.reference,
    newReference: sent.onlyParts === undefined,
    billed: outcome.accepted.length,
  };
}
