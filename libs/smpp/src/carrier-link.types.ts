import { type Carrier } from '@loa/common';
import { type SmsEncoding } from '@loa/sms';

export type CarrierId = Carrier;
export type BindMode = 'transceiver' | 'transmitter+receiver';
export type ConcatMode = 'udh8' | 'udh16' | 'sar' | 'payload';
/**
 * How the rest of a long message goes again once some of its parts are at the carrier: `missing` sends
 * only the parts the carrier lacks, under the same concatenation reference (the handset completes the
 * message); `whole` sends every part under a new reference, for SMSCs that do not join parts sent apart.
 */
export const RESEND_PARTS_MODES = ['missing', 'whole'] as const;
export type ResendPartsMode = (typeof RESEND_PARTS_MODES)[number];
export type GsmCoding = 'gsm0338' | 'ascii';
export type DlrIdFormat = 'same' | 'hex-to-dec' | 'dec-to-hex';

/** One carrier account, as validated from the carriers config (password already resolved). */
export interface SmppAccountConfig {
  id: CarrierId;
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType: string;
  bindMode: BindMode;
  /** Sessions the contract allows. */
  binds: number;
  /** Submit PDUs per second for the whole account. */
  tps: number;
  /** Outstanding submits per bind. */
  window: number;
  sourceAddr: string;
  sourceTon: number;
  sourceNpi: number;
  destTon: number;
  destNpi: number;
  concat: ConcatMode;
  resendParts: ResendPartsMode;
  gsmCoding: GsmCoding;
  dlrIdFormat: DlrIdFormat;
  enquireLinkSeconds: number;
  validityHours: number;
  bindTimeoutSeconds?: number;
  requestTimeoutSeconds?: number;
}

/** A message ready to send: text already rendered, normalised and (if the policy says) folded. */
export interface OutboundSms {
  /** E.164 without '+', e.g. '84912345678'. */
  destination: string;
  text: string;
  encoding: SmsEncoding;
  validityHours?: number;
}

export interface AcceptedPart {
  part: number;
  /** The id from submit_sm_resp, normalised to the form receipts will carry (dlrIdFormat). */
  smscMessageId: string;
}

export type SubmitOutcome =
  | { kind: 'accepted'; parts: AcceptedPart[] }
  /** The carrier refused for good (invalid destination, invalid source…): the message fails. */
  | { kind: 'permanent'; status: number; error: string; acceptedParts: AcceptedPart[] }
  /** Throttled, queue full, link down before sending: send again later without counting an attempt. */
  | { kind: 'retry'; status: number | null; error: string }
  /** Sent but no answer (timeout, or the link dropped with it in the window): may or may not arrive. */
  | { kind: 'ambiguous'; error: string; acceptedParts: AcceptedPart[]; totalParts: number };

export type ReceiptState = 'DELIVRD' | 'EXPIRED' | 'DELETED' | 'UNDELIV' | 'ACCEPTD' | 'UNKNOWN' | 'REJECTD' | 'ENROUTE';

export interface DeliveryReceipt {
  carrier: CarrierId;
  /** Normalised by dlrIdFormat so it equals AcceptedPart.smscMessageId; null when unparseable. */
  smscMessageId: string | null;
  /** The handset the receipt is about (its source_addr), digits only; null when absent. */
  subscriber: string | null;
  state: ReceiptState | null;
  errorCode: string | null;
  doneAt: Date | null;
  /** The receipt as received (text form, or a rendering of the TLVs), kept for inspection. */
  raw: string;
}

export interface InboundSms {
  carrier: CarrierId;
  sourceAddr: string;
  destAddr: string;
  text: string;
  dataCoding: number;
}

export type LinkState = 'stopped' | 'connecting' | 'bound' | 'paused' | 'stopping';

export interface LinkStatus {
  carrier: CarrierId;
  state: LinkState;
  boundSessions: number;
  inFlight: number;
  counters: { submitted: number; accepted: number; retried: number; failed: number; ambiguous: number; receipts: number; inbound: number; reconnects: number };
  /** Parts waiting for a window slot, a TPS token or the end of a pause. */
  queued?: number;
  /** submit_sm PDUs written, and link pauses after throttled / queue-full answers. */
  pdus?: { sent: number; pauses: number };
}

/** What the dispatcher needs from a carrier link. The link never resends a message by itself. */
export interface CarrierLinkPort {
  readonly carrier: CarrierId;
  /** The account's submit_sm per second on this link (PDUs, so a 3-part message takes 3). */
  readonly tps: number;
  start(): Promise<void>;
  /** Drains the window (bounded wait), unbinds, closes. */
  stop(): Promise<void>;
  /** Resolves once every part has an outcome; waits for a window slot and a TPS token first. */
  submit(message: OutboundSms): Promise<SubmitOutcome>;
  /** Answered with deliver_sm_resp only after the handler resolves (the receipt is stored first). */
  onReceipt(handler: (receipt: DeliveryReceipt) => Promise<void>): void;
  onInbound(handler: (message: InboundSms) => Promise<void>): void;
  status(): LinkStatus;
}
