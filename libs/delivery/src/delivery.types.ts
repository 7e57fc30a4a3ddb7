import { type SmsEncoding } from '@loa/sms';
import { type AmbiguousPolicy, type MessageState } from './message-states';

/** The text one province's subscribers receive in a campaign, rendered once; messages point at it. */
export interface CampaignText {
  id: number;
  provinceCode: string;
  body: string;
  encoding: SmsEncoding;
  segments: number;
}

/** A running campaign as the dispatcher needs it. */
export interface RunningCampaign {
  id: number;
  validityHours: number;
  onAmbiguous: AmbiguousPolicy;
  /** Its send window as stored (times of day, null when lifted); a dispatcher claims only inside it. */
  window?: { start: string | null; end: string | null };
  /** When its validity ends (ms since the epoch): nothing of it goes out after (none: no end known). */
  validUntil?: number;
}

/** A message a dispatcher holds under lease, with what earlier sends of it left at the carrier. */
export interface ClaimedMessage {
  id: number;
  campaignId: number;
  validityHours: number;
  onAmbiguous: AmbiguousPolicy;
  msisdn: string;
  provinceCode: string;
  textId: number;
  /** Attempts so far, this one included. */
  attempts: number;
  /** Times it went back to the queue while the carrier may have had it. */
  unconfirmedSends: number;
  /** Parts the carrier has accepted so far (bit k-1 for part k), out of `parts`, under `reference`. */
  partsAccepted: number;
  parts: number | null;
  reference: number | null;
}

/** What one send left at the carrier. */
export interface SendRecord {
  /** Parts accepted in this send, as a mask (bit k-1 for part k). */
  acceptedMask: number;
  /** PDUs the whole message takes. */
  parts: number;
  reference: number | null;
  /** Sent under a new reference (a first or whole send): the parts accepted before no longer complete it. */
  newReference: boolean;
  /** PDUs the carrier accepted in this send (what it bills). */
  billed: number;
}

/** One message's move to its next state, with what it changes besides the state. */
export interface StateChange {
  campaignId: number;
  id: number;
  state: MessageState;
  error?: string | null;
  /** Back to the queue after this many seconds. */
  retryAfterSeconds?: number;
  /** The attempt does not count (the carrier never got the message: link down, stopping). */
  refundAttempt?: boolean;
  /**
   * Sent without an answer (policy await-receipt): only receipts matched by number and time can end it.
   * The number of PDUs the message went out in, which is how many receipts will come.
   */
  awaitingReceiptParts?: number;
  /** Back to the queue though the carrier may have it already (no answer, resend policy): an unconfirmed send. */
  unconfirmedSend?: boolean;
  sent?: SendRecord;
  /** Ended by its receipt, which came with the carrier's answer: it was submitted too (and is counted so). */
  receipted?: boolean;
  /** Ended by its carrier's delivery receipt (its time is the report's receipt time). */
  byReceipt?: boolean;
  /** The message had been at the carrier before (some parts, or maybe all): this send may make it a duplicate. */
  resend?: boolean;
}

/** A part the carrier accepted, and the id its receipt will carry. */
export interface SubmittedPart {
  campaignId: number;
  messageId: number;
  smscMessageId: string;
  part: number;
  parts: number;
}

export interface StoredReceipt {
  carrier: string;
  smscMessageId: string | null;
  /** The handset (E.164 digits) the receipt is about, when the SMSC said. */
  msisdn: string | null;
  state: string | null;
  errorCode: string | null;
  doneAt: Date | null;
  raw: string;
}

export interface StoredInbound {
  carrier: string;
  sourceAddr: string;
  destAddr: string;
  body: string;
  dataCoding: number;
}
