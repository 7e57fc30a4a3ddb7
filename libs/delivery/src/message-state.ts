export type MessageState =
  | 'queued' | 'sending' | 'submitted' | 'delivered' | 'undeliverable' | 'expired' | 'rejected' | 'failed' | 'unknown';

export const FINAL_STATES: readonly MessageState[] = ['delivered', 'undeliverable', 'expired', 'rejected', 'failed', 'unknown'];

/** A message a dispatcher holds under lease. */
export interface ClaimedMessage {
  id: number;
  campaignId: number;
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
  state: string | null;
  errorCode: string | null;
  doneAt: Date | null;
  raw: string;
}
