import { matchesPattern, type TextPattern } from '@loa/sms';
import { SMPP_STATUS } from '@loa/smpp';
import { DEFAULT_TEMPLATE_REFUSED_STATUS, type SmscProfile } from './smsc-profile';

/** Answer nothing and drop the connection. */
export const DROP_CONNECTION = -1;
/** Answer nothing and keep the connection: the ESME's request expires. */
export const NO_ANSWER = -2;
/** Take the message (it is delivered and receipted) but lose the answer: the ESME cannot know. */
export const LOST_ANSWER = -3;
/** Take the message and answer it, then reset the connection at once: the ESME may not read the answer. */
export const RESET_AFTER_RESPONSE = -4;

/** The carrier took the submit: the handset gets it and a receipt follows, whatever the ESME heard. */
export function isTaken(status: number): boolean {
  return status === 0 || status === LOST_ANSWER || status === RESET_AFTER_RESPONSE;
}

export interface SubmitContext {
  systemId: string;
  destination: string;
  /** Submits seen on this connection, this one included. */
  connectionSubmits: number;
  now: number;
  random: () => number;
  /** The submit's text (UDH stripped) and its part number (1 for a single PDU), decoded only when a behaviour asks. */
  message(): { text: string; part: number; concatenated: boolean };
}

export interface ReceiptAckContext {
  systemId: string;
  /** Positive deliver_sm_resp the simulator has received, this one included. */
  receiptAcks: number;
}

/** One way a carrier misbehaves; the base SMSC runs the profile's behaviours in order. */
export interface SmscBehaviour {
  readonly name: string;
  /** A command_status to refuse this submit with (or DROP_CONNECTION); 0 lets the next one decide. */
  refuse?(context: SubmitContext): number;
  /** How long to hold this submit's answer back; 0 (or absent) answers at once. */
  answerDelayMs?(context: SubmitContext): number;
  /** After the answer went out: what, if anything, to push at the ESME. */
  afterAnswer?(context: SubmitContext): 'unknown-command' | 'garbage' | undefined;
  /** True to act as if this positive deliver_sm_resp never arrived (the connection is reset before it registers). */
  loseReceiptAck?(context: ReceiptAckContext): boolean;
}

export function invalidNumbers(ranges: string[]): SmscBehaviour {
  const matchers = ranges.map((range) => {
    const [low, high] = range.split('-');
    if (high === undefined) return (destination: string) => destination.startsWith(low);
    return (destination: string) => destination.length === low.length && destination >= low && destination <= high;
  });
  return {
    name: 'invalid-numbers',
    refuse: ({ destination }) => (matchers.some((matches) => matches(destination)) ? SMPP_STATUS.INVALID_DESTINATION : 0),
  };
}

/** ESME_RTHROTTLED once an account has had `tps` submits accepted in the current second. */
export function throttleAbove(tps: number): SmscBehaviour {
  const perAccount = new Map<string, { second: number; count: number }>();
  return {
    name: 'throttle',
    refuse: ({ systemId, now }) => {
      const second = Math.floor(now / 1000);
      let window = perAccount.get(systemId);
      if (!window || window.second !== second) perAccount.set(systemId, (window = { second, count: 0 }));
      if (window.count >= tps) return SMPP_STATUS.THROTTLED;
      window.count++;
      return 0;
    },
  };
}

export function queueFull(fraction: number): SmscBehaviour {
  return { name: 'queue-full', refuse: ({ random }) => (random() < fraction ? SMPP_STATUS.QUEUE_FULL : 0) };
}

/** `status` (a refusal, or DROP_CONNECTION, NO_ANSWER, LOST_ANSWER, RESET_AFTER_RESPONSE) for every `submits`-th submit of a connection. */
function everyNth(name: string, submits: number, status: number): SmscBehaviour {
  return { name, refuse: ({ connectionSubmits }) => (connectionSubmits % submits === 0 ? status : 0) };
}

export function lostReceiptAckEvery(acks: number): SmscBehaviour {
  return { name: 'lost-receipt-ack', loseReceiptAck: ({ receiptAcks }) => receiptAcks % acks === 0 };
}

export function malformedEvery(submits: number, kind: 'unknown-command' | 'garbage'): SmscBehaviour {
  return { name: 'malformed-pdu', afterAnswer: ({ connectionSubmits }) => (connectionSubmits % submits === 0 ? kind : undefined) };
}

/**
 * A carrier that takes only registered texts: a single message must match a pattern whole, the first part of
 * a long one must start like one; later parts ride on their first part's verdict.
 */
export function registeredTemplatesOnly(patterns: readonly TextPattern[], status: number): SmscBehaviour {
  return {
    name: 'registered-templates-only',
    refuse: (context) => {
      const { text, part, concatenated } = context.message();
      if (part !== 1) return 0;
      return patterns.some((pattern) => matchesPattern(pattern, text, { prefix: concatenated })) ? 0 : status;
    },
  };
}

/** The behaviours a profile switches on, in the order a real SMSC would check. */
export function behavioursFor(profile: SmscProfile): SmscBehaviour[] {
  const behaviours: SmscBehaviour[] = [];
  if (profile.disconnectAfterSubmits) behaviours.push(everyNth('disconnect', profile.disconnectAfterSubmits, DROP_CONNECTION));
  if (profile.noResponseEvery) behaviours.push(everyNth('no-response', profile.noResponseEvery, NO_ANSWER));
  if (profile.lostResponseEvery) behaviours.push(everyNth('lost-response', profile.lostResponseEvery, LOST_ANSWER));
  if (profile.refuseEvery) behaviours.push(everyNth('refuse', profile.refuseEvery.submits, profile.refuseEvery.status));
  if (profile.slowAnswerEvery) behaviours.push(slowAnswers(profile.slowAnswerEvery.submits, profile.slowAnswerEvery.delayMs));
  if (profile.resetAfterResponseEvery) behaviours.push(everyNth('reset-after-response', profile.resetAfterResponseEvery, RESET_AFTER_RESPONSE));
  if (profile.invalidRanges.length > 0) behaviours.push(invalidNumbers(profile.invalidRanges));
  if (profile.templateRegistration)
    behaviours.push(registeredTemplatesOnly(profile.templateRegistration.patterns, profile.templateRegistration.status ?? DEFAULT_TEMPLATE_REFUSED_STATUS));
  if (profile.throttle) behaviours.push(throttleAbove(profile.tps));
  if (profile.queueFullFraction > 0) behaviours.push(queueFull(profile.queueFullFraction));
  if (profile.malformedEvery) behaviours.push(malformedEvery(profile.malformedEvery, profile.malformedKind));
  if (profile.lostReceiptAckEvery) behaviours.push(lostReceiptAckEvery(profile.lostReceiptAckEvery));
  return behaviours;
}

/** Every `submits`-th submit of a connection is answered `delayMs` late (whatever the answer is). */
export function slowAnswers(submits: number, delayMs: number): SmscBehaviour {
  return { name: 'slow-answer', answerDelayMs: ({ connectionSubmits }) => (connectionSubmits % submits === 0 ? delayMs : 0) };
}

/** mulberry32: a seeded generator, so a profile's random choices repeat run to run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
