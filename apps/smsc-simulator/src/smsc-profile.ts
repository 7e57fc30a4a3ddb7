import { readFileSync } from 'node:fs';
import { configFile } from '@loa/config';
import { type TextPattern } from '@loa/sms';

export type ReceiptOutcome = 'DELIVRD' | 'UNDELIV' | 'EXPIRED' | 'REJECTD';

/** How one simulated carrier behaves. Each field switches on or tunes one named behaviour. */
export interface SmscProfile {
  name: string;
  /** Submits per second per account; above it the answer is ESME_RTHROTTLED when `throttle` is on. */
  tps: number;
  throttle: boolean;
  /** Form of the id in submit_sm_resp, and in receipts (Viettel-like: hex, then decimal). */
  messageIdFormat: 'hex' | 'decimal';
  receiptIdFormat: 'hex' | 'decimal';
  /** Receipt delay range after the submit, in ms. */
  receiptDelayMs: [number, number];
  /** Relative weights of receipt outcomes. */
  outcomes: Partial<Record<ReceiptOutcome, number>>;
  /** Receipts with receipted_message_id / message_state TLVs, the text form, or both. */
  receiptForm: 'both' | 'tlv' | 'text';
  /** Destination prefixes, or "low-high" number ranges, answered ESME_RINVDSTADR. */
  invalidRanges: string[];
  /** Fraction of submits answered ESME_RMSGQFUL. */
  queueFullFraction: number;
  /** The receipt goes out before the submit_sm_resp it belongs to. */
  receiptsBeforeResponse: boolean;
  /** Every Nth submit on a connection is not answered and the connection is dropped. */
  disconnectAfterSubmits: number | null;
  /** Every Nth submit on a connection is never answered. */
  noResponseEvery: number | null;
  /** Every Nth submit on a connection is accepted and gets its receipt, but its submit_sm_resp is lost. */
  lostResponseEvery: number | null;
  /** Every Nth submit on a connection is refused with `status` (e.g. 0x08 ESME_RSYSERR, 0x58 ESME_RTHROTTLED). */
  refuseEvery: { submits: number; status: number } | null;
  /** Every Nth submit on a connection is answered only after `delayMs`: late, when the ESME gave up before. */
  slowAnswerEvery: { submits: number; delayMs: number } | null;
  /**
   * Every Nth submit on a connection is accepted and answered, then the connection is reset (TCP RST) at
   * once: the ESME may or may not read the answer, and the carrier has the message either way.
   */
  resetAfterResponseEvery: number | null;
  /**
   * Every Nth receipt the ESME acknowledges (counted over the simulator) is taken as unacknowledged: the
   * connection is reset before the ack "registers" and the receipt goes again after the next bind. At least 2.
   */
  lostReceiptAckEvery: number | null;
  /** After every Nth submit a broken PDU is sent: an unknown command, or garbage that breaks framing. */
  malformedEvery: number | null;
  malformedKind: 'unknown-command' | 'garbage';
  /**
   * A carrier demanding registered templates: a submit whose text matches none of `patterns` (the first part
   * of a long message: the start of one) is refused with `status` (default DEFAULT_TEMPLATE_REFUSED_STATUS). null: any text goes.
   */
  templateRegistration: { status?: number; patterns: TextPattern[] } | null;
  seed?: number;
}

export const BASE_PROFILE: SmscProfile = {
  name: 'base',
  tps: 1000,
  throttle: false,
  messageIdFormat: 'decimal',
  receiptIdFormat: 'decimal',
  receiptDelayMs: [50, 500],
  outcomes: { DELIVRD: 95, UNDELIV: 3, EXPIRED: 1, REJECTD: 1 },
  receiptForm: 'both',
  invalidRanges: [],
  queueFullFraction: 0,
  receiptsBeforeResponse: false,
  disconnectAfterSubmits: null,
  noResponseEvery: null,
  lostResponseEvery: null,
  refuseEvery: null,
  slowAnswerEvery: null,
  resetAfterResponseEvery: null,
  lostReceiptAckEvery: null,
  malformedEvery: null,
  malformedKind: 'unknown-command',
  templateRegistration: null,
};

/**
 * The status a carrier demanding registration refuses an unregistered text with when the profile names none:
 * one in SMPP 3.4's vendor range (0x400-0x4FF), as carriers' own codes are (one documents error 146).
 */
export const DEFAULT_TEMPLATE_REFUSED_STATUS = 0x492;

const NAMED = JSON.parse(readFileSync(configFile('smsc-profiles.json'), 'utf8')) as Record<string, Partial<SmscProfile>>;

export function profileNames(): string[] {
  return Object.keys(NAMED);
}

/** A named profile from config/smsc-profiles.json, or an inline one over the base (or over `name`'s). */
export function resolveProfile(profile: string | Partial<SmscProfile>): SmscProfile {
  const inline = typeof profile === 'string' ? { name: profile } : profile;
  const name = inline.name ?? 'inline';
  const named = NAMED[name];
  if (typeof profile === 'string' && !named) throw new Error(`unknown SMSC profile "${profile}"; known: ${profileNames().join(', ')}`);
  return { ...BASE_PROFILE, ...named, ...inline, name };
}
