import { type AcceptedPart, type SubmitOutcome } from '@loa/smpp';
import { type ClaimedMessage, type StateChange, type SubmittedPart } from '@loa/delivery';

export const MAX_ATTEMPTS = 3;
const RETRY_AFTER_SECONDS = 1;
const AMBIGUOUS_RETRY_AFTER_SECONDS = 30;

/** What the campaign engine does with one submit outcome (the link never resends by itself). */
export function outcomeToState(message: ClaimedMessage, outcome: SubmitOutcome): { change: StateChange; parts: AcceptedPart[] } {
  const key = { campaignId: message.campaignId, id: message.id };
  switch (outcome.kind) {
    case 'accepted':
      return { change: { ...key, state: 'submitted', error: null }, parts: outcome.parts };
    case 'permanent':
      return { change: { ...key, state: 'rejected', error: outcome.error }, parts: [] };
    case 'retry':
      return { change: { ...key, state: 'queued', error: outcome.error, retryAfterSeconds: RETRY_AFTER_SECONDS, refundAttempt: true }, parts: [] };
    case 'ambiguous':
      // Policy "resend": the SMSC may have it, so wait long enough for a receipt-less duplicate to be rare.
      if (message.attempts >= MAX_ATTEMPTS) return { change: { ...key, state: 'unknown', error: outcome.error }, parts: [] };
      return { change: { ...key, state: 'queued', error: outcome.error, retryAfterSeconds: AMBIGUOUS_RETRY_AFTER_SECONDS }, parts: [] };
  }
}

export function toSubmittedParts(message: ClaimedMessage, parts: AcceptedPart[]): SubmittedPart[] {
  return parts.map((part) => ({
    campaignId: message.campaignId,
    messageId: message.id,
    smscMessageId: part.smscMessageId,
    part: part.part,
    parts: parts.length,
  }));
}
