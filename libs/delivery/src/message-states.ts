/**
 * The message state machine: every state, which may follow which, and which are final. It is the one
 * definition: the database CHECK on messages.state lists the same states (a test keeps them equal), every
 * statement that moves a message takes its "from" states from here (`statesMovingTo`, checked when the
 * module loads), and the repository refuses a batch that asks for a move this table does not allow.
 */
export const TRANSITIONS = {
  // claimed by a dispatcher; submitted when a late submit_sm_resp shows the carrier took what was waiting to
  // go again; held by the daily cap; not sent within the validity; its campaign cancelled
  queued: ['sending', 'submitted', 'held', 'expired_unsent', 'cancelled'],
  // the carrier's answer: taken, refused for good, back to the queue (retry, lease lost, its campaign paused),
  // given up; or the answer and the receipt of a one-part message together (a carrier that receipts at once);
  // or never handed to the carrier because its campaign was cancelled
  sending: ['submitted', 'rejected', 'queued', 'failed', 'unknown', 'delivered', 'undeliverable', 'expired', 'cancelled'],
  // the receipts of every part, or none within the validity
  submitted: ['delivered', 'undeliverable', 'expired', 'rejected', 'unknown'],
  // released on a day the cap allows; ended when the validity ends first, or the campaign is cancelled
  held: ['queued', 'capped', 'cancelled'],
  delivered: [],
  undeliverable: [],
  expired: [],
  rejected: [],
  failed: [],
  unknown: [],
  // held by the daily cap until its campaign's validity ended
  capped: [],
  // not sent (queued or retrying) when its campaign's validity ended
  expired_unsent: [],
  // never sent: its campaign was cancelled first (not a failure)
  cancelled: [],
} as const satisfies Record<string, readonly string[]>;

export type MessageState = keyof typeof TRANSITIONS;
export const MESSAGE_STATES = Object.keys(TRANSITIONS) as MessageState[];

/** The states a message is created in: queued, or held when its subscriber is at the daily cap. */
export const INITIAL_STATES = ['queued', 'held'] as const satisfies readonly MessageState[];

/** States nothing follows. */
export const FINAL_STATES = MESSAGE_STATES.filter((state) => TRANSITIONS[state].length === 0) as FinalState[];
export type FinalState = {
  [S in MessageState]: (typeof TRANSITIONS)[S] extends readonly [] ? S : never;
}[MessageState];

/** Final states reached without anything going to the carrier: no reason is kept per message, and cancelled is no failure. */
export const NEVER_SENT_STATES = ['capped', 'expired_unsent', 'cancelled'] as const satisfies readonly FinalState[];

/**
 * Final states that count as failures in reports (every final state but delivered and cancelled): those
 * kept with a reason, and those never sent for a limit (capped, expired_unsent).
 */
export const FAILED_STATES = FINAL_STATES.filter((state) => state !== 'delivered' && state !== 'cancelled');

/**
 * What a final receipt `stat` ends a part in, and how bad that is: a message of several parts ends in the
 * worst failure among its undelivered parts (1 the worst). The one mapping: the TypeScript of one-part
 * messages and the SQL of every part (receipts.sql.ts) are both made from it.
 */
export const RECEIPT_STATS = [
  { stat: 'DELIVRD', state: 'delivered', failureRank: null },
  { stat: 'REJECTD', state: 'rejected', failureRank: 1 },
  { stat: 'EXPIRED', state: 'expired', failureRank: 2 },
  { stat: 'UNDELIV', state: 'undeliverable', failureRank: 3 },
  { stat: 'DELETED', state: 'undeliverable', failureRank: 3 },
  { stat: 'UNKNOWN', state: 'unknown', failureRank: 4 },
] as const satisfies readonly { stat: string; state: FinalState; failureRank: number | null }[];

/** The state a receipt ends a one-part message in. */
export const RECEIPT_FINAL_STATES: Readonly<Record<string, MessageState>> = Object.fromEntries(RECEIPT_STATS.map(({ stat, state }) => [stat, state]));

/** The receipt stat that ends a message in a state (the first that does, for a state several map to). */
export const RECEIPT_STAT_OF: Readonly<Partial<Record<MessageState, string>>> = Object.fromEntries(
  [...RECEIPT_STATS].reverse().map(({ stat, state }) => [state, stat]),
);

/** The states a receipt can end a message in. */
export const RECEIPT_ENDED_STATES = [...new Set(RECEIPT_STATS.map(({ state }) => state))];

export function isFinal(state: MessageState): state is FinalState {
  return TRANSITIONS[state].length === 0;
}

export function canMove(from: MessageState, to: MessageState): boolean {
  return (TRANSITIONS[from] as readonly MessageState[]).includes(to);
}

/**
 * `from` as an SQL condition on `column` (`= 'queued'`, or `IN ('queued', 'held')`), for a statement that moves
 * those messages to `to`: throws (when the statement's module loads) if the table allows any of them no such move.
 */
export function statesMovingTo(to: MessageState, from: readonly MessageState[], column = 'state'): string {
  const refused = from.filter((state) => !canMove(state, to));
  if (refused.length > 0 || from.length === 0) throw new Error(`${refused.join(', ') || '(none)'} -> ${to} is not a transition of the message state machine`);
  return sqlIn(column, from);
}

/** A condition on `column` for reading messages in `states` (names typed, and checked against the table). */
export function messageStateIs(column: string, states: readonly MessageState[]): string {
  const unknown = states.filter((state) => !(state in TRANSITIONS));
  if (unknown.length > 0) throw new Error(`not a message state: ${unknown.join(', ')}`);
  return sqlIn(column, states);
}

/** `column = 'a'` for one value (what a partial index's predicate matches), `column IN ('a', 'b')` for several. */
export function sqlIn(column: string, values: readonly string[]): string {
  return values.length === 1 ? `${column} = ${sqlText(values[0])}` : `${column} IN (${values.map(sqlText).join(', ')})`;
}

/** A state name as an SQL literal (names are [a-z_], checked so that nothing else is ever spliced in). */
export function sqlText(name: string): string {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not a state name: ${name}`);
  return `'${name}'`;
}

/**
 * A submit whose answer never came (timeout, or the link dropped): `resend` sends it again after a pause
 * (a duplicate is possible, and counted); `await-receipt` sends nothing more and waits for the carrier's
 * receipt, matched by the subscriber's number and the time, ending as unknown when none comes within the
 * validity.
 */
export const AMBIGUOUS_POLICIES = ['resend', 'await-receipt'] as const;
export type AmbiguousPolicy = (typeof AMBIGUOUS_POLICIES)[number];
