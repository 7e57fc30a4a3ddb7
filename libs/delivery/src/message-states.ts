/**
 * The message state machine: every state, which may follow which, and which are final. The database
 * CHECK on messages.state lists the same states (a test keeps them equal); the repository refuses a
 * batch that asks for a move this table does not allow.
 */
export const MESSAGE_STATES = [
  'queued',
  'sending',
  'submitted',
  'delivered',
  'undeliverable',
  'expired',
  'rejected',
  'failed',
  'unknown',
  // waiting for a day its subscriber's daily cap allows
  'held',
  // held by the daily cap until its campaign's validity ended
  'capped',
  // not sent (queued or retrying) when its campaign's validity ended
  'expired_unsent',
] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const FINAL_STATES = [
  'delivered',
  'undeliverable',
  'expired',
  'rejected',
  'failed',
  'unknown',
  'capped',
  'expired_unsent',
] as const satisfies readonly MessageState[];
export type FinalState = (typeof FINAL_STATES)[number];

export const TRANSITIONS: Readonly<Record<MessageState, readonly MessageState[]>> = {
  // claimed by a dispatcher; failed when its campaign is cancelled; submitted when a late submit_sm_resp
  // shows the carrier took what was waiting to go again; held by the daily cap, or not sent within the validity
  queued: ['sending', 'failed', 'submitted', 'held', 'expired_unsent'],
  // the carrier's answer: taken, refused for good, back to the queue (retry, lease lost), given up; or
  // the answer and the receipt of a one-part message together (a carrier that receipts at once)
  sending: ['submitted', 'rejected', 'queued', 'failed', 'unknown', 'delivered', 'undeliverable', 'expired'],
  // the receipts of every part, or none within the validity
  submitted: ['delivered', 'undeliverable', 'expired', 'rejected', 'unknown'],
  // released on a day the cap allows; ended when the validity ends first, or the campaign is cancelled
  held: ['queued', 'capped', 'failed'],
  delivered: [],
  undeliverable: [],
  expired: [],
  rejected: [],
  failed: [],
  unknown: [],
  capped: [],
  expired_unsent: [],
};

/** The state a receipt ends a one-part message in (FINAL_STATES_OF says the same for every part of a long one). */
export const RECEIPT_FINAL_STATES: Readonly<Record<string, MessageState>> = {
  DELIVRD: 'delivered',
  UNDELIV: 'undeliverable',
  DELETED: 'undeliverable',
  EXPIRED: 'expired',
  REJECTD: 'rejected',
  UNKNOWN: 'unknown',
};

export function isFinal(state: MessageState): state is FinalState {
  return (FINAL_STATES as readonly MessageState[]).includes(state);
}

export function canMove(from: MessageState, to: MessageState): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * A submit whose answer never came (timeout, or the link dropped): `resend` sends it again after a pause
 * (a duplicate is possible, and counted); `await-receipt` sends nothing more and waits for the carrier's
 * receipt, matched by the subscriber's number and the time, ending as unknown when none comes within the
 * validity.
 */
export const AMBIGUOUS_POLICIES = ['resend', 'await-receipt'] as const;
export type AmbiguousPolicy = (typeof AMBIGUOUS_POLICIES)[number];
