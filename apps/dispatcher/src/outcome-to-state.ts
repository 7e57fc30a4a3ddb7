import { type AcceptedPart, type SubmitOutcome } from '@loa/smpp';
import { type ClaimedMessage, type StateChange, type SubmittedPart } from '@loa/delivery';

export const MAX_ATTEMPTS = 3;
const RETRY_AFTER_SECONDS = 1;

/** A message's next state, and the parts the SMSC took (out of `totalParts` PDUs). */
export interface OutcomeEffect {
  change: StateChange;
  parts: AcceptedPart[];
  totalParts: number;
}

/** An ambiguous outcome, or a refused / not-sent one after some parts were accepted. */
interface Unsure {
  error: string;
  accepted: AcceptedPart[];
  totalParts: number;
}

/** What the campaign engine does with one submit outcome (the link never resends by itself). */
export function outcomeToState(message: ClaimedMessage, outcome: SubmitOutcome, ambiguousResendSeconds: number): OutcomeEffect {
  const key = { campaignId: message.campaignId, id: message.id };
  switch (outcome.kind) {
    case 'accepted':
      return { change: { ...key, state: 'submitted', error: null }, parts: outcome.accepted, totalParts: outcome.totalParts };
    case 'permanent':
      return { change: { ...key, state: 'rejected', error: outcome.error }, parts: [], totalParts: 0 };
    case 'refused':
    case 'not-sent':
      if (outcome.accepted.length > 0) {
        const error = `${outcome.error} after ${outcome.accepted.length} of ${outcome.totalParts} parts were accepted`;
        return ambiguousToState(message, { ...outcome, error }, ambiguousResendSeconds);
      }
      return { change: { ...key, state: 'queued', error: outcome.error, retryAfterSeconds: RETRY_AFTER_SECONDS, refundAttempt: true }, parts: [], totalParts: 0 };
    case 'ambiguous':
      return ambiguousToState(message, outcome, ambiguousResendSeconds);
  }
}

/** The campaign's policy: wait for receipts matched by number and time, or send again (at most MAX_ATTEMPTS). */
function ambiguousToState(message: ClaimedMessage, outcome: Unsure, resendSeconds: number): OutcomeEffect {
  const key = { campaignId: message.campaignId, id: message.id, error: outcome.error };
  if (message.onAmbiguous === 'await-receipt') {
    const change: StateChange = { ...key, state: 'submitted', awaitingReceiptParts: outcome.totalParts };
    return { change, parts: outcome.accepted, totalParts: outcome.totalParts };
  }
  if (message.attempts >= MAX_ATTEMPTS) return { change: { ...key, state: 'unknown' }, parts: [], totalParts: 0 };
  return { change: { ...key, state: 'queued', retryAfterSeconds: resendSeconds, unconfirmedSend: true }, parts: [], totalParts: 0 };
}

export function toSubmittedParts(message: ClaimedMessage, effect: OutcomeEffect): SubmittedPart[] {
  return effect.parts.map((part) => ({
    campaignId: message.campaignId,
    messageId: message.id,
    smscMessageId: part.smscMessageId,
    part: part.part,
    parts: effect.totalParts,
  }));
}
