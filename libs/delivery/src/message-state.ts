export type MessageState =
  | 'queued' | 'sending' | 'submitted' | 'delivered' | 'undeliverable' | 'expired' | 'rejected' | 'failed' | 'unknown';

export const FINAL_STATES: readonly MessageState[] = ['delivered', 'undeliverable', 'expired', 'rejected', 'failed', 'unknown'];

/** What the campaign engine does with a submit that got no answer: send again, or wait for a receipt. */
export type AmbiguousPolicy = 'resend' | 'await-receipt';

/** A running campaign as the dispatcher needs it. */
export interface RunningCampaign {
  id: number;
  validityHours: number;
  onAmbiguous: AmbiguousPolicy;
}

/** A message a dispatcher holds under lease. */
export interface ClaimedMessage {
  id: number;
  campaignId: number;
  validityHours: number;
  onAmbiguous: AmbiguousPolicy;
  msisdn: string;
  provinceCode: string;
  textId: number;
  attempts: number;
}

/** One message's move from `sending` (or `submitted`) to its next state. */
export interface StateChange {
  campaignId: number;
  id: number;
  state: MessageState;
  error?: string | null;
  /** Back to the queue after this many seconds. */
  retryAfterSeconds?: number;
  /** The attempt does not count (throttling, queue full, link down before sending). */
  refundAttempt?: boolean;
  /**
   * Sent without an answer (policy await-receipt): only receipts matched by number and time can end it.
   * The number of PDUs the message went out in, which is how many receipts will come.
   */
  awaitingReceiptParts?: number;
  /** Back to the queue though the carrier may have it already (no answer, resend policy): an unconfirmed send. */
  unconfirmedSend?: boolean;
}

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
