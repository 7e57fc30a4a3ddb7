import { type Carrier } from '@loa/common';
import { type PayloadSegment, type SmsEncoding } from '@loa/sms';

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
  /** concat payload: units per part the SMSC splits at (default 153 / 67). */
  payloadSegment?: PayloadSegment;
  resendParts: ResendPartsMode;
  gsmCoding: GsmCoding;
  dlrIdFormat: DlrIdFormat;
  enquireLinkSeconds: number;
  validityHours: number;
  bindTimeoutSeconds: number;
  /** A submit unanswered this long is given up as ambiguous; enquire_link waits at most this long too. */
  requestTimeoutSeconds: number;
  /** The command_status the carrier refuses a text matching no registered template with: failed for good, never retried. */
  templateRefusedStatus?: number;
}

/** How every link of the process behaves (config/defaults.json "link"; tests pass faster ones). */
export interface LinkTunables {
  /** Reconnect delay: doubles per failed attempt from the first up to the cap, jittered over [½, 1]. */
  reconnectInitialMs: number;
  reconnectMaxMs: number;
  /** Pause after a throttled / queue-full answer: doubles per repeat from the first up to the cap. */
  pauseInitialMs: number;
  pauseMaxMs: number;
  /** How long stop() waits for outstanding submits and the rest of messages already begun before unbinding. */
  drainTimeoutMs: number;
  /** At most one log line per this while deliver_sm are answered with a temporary error. */
  refusedReceiptLogIntervalMs: number;
  /** Expired submits are kept this long, and at most this many per connection, for a late answer. */
  lateAnswerKeepMs: number;
  lateAnswerKeepMax: number;
}

/** A message ready to send: text already rendered, normalised and (if the policy says) folded. */
export interface OutboundSms {
  /** E.164 without '+', e.g. '84912345678'. */
  destination: string;
  text: string;
  encoding: SmsEncoding;
  validityHours?: number;
  /** Send only these part numbers (1-based), under `reference`: the carrier already has the others. Default: every part. */
  onlyParts?: number[];
  /**
   * The concatenation reference (UDH8/UDH16/SAR), any positive integer folded into the reference size: the
   * one of an earlier send with onlyParts, or one derived from the message so that a send nobody recorded
   * (a crash) is completed, not orphaned, by the next. Default: the link's own rolling counter.
   */
  reference?: number;
}

export interface AcceptedPart {
  part: number;
  /** The id from submit_sm_resp, normalised to the form receipts will carry (dlrIdFormat). */
  smscMessageId: string;
}

interface SendReport {
  /** PDUs the whole message takes (the UDH total), whatever onlyParts asked. */
  totalParts: number;
  /** The concatenation reference used (null: one PDU, or message_payload). */
  reference: number | null;
  /** Parts the SMSC accepted in this send, in part order. */
  accepted: AcceptedPart[];
}

export type SubmitOutcome = SendReport &
  (
    | { kind: 'accepted' } // every requested part accepted
    | { kind: 'not-sent'; status: number | null; error: string } // the remaining parts never left: link stopping, no bound session, bind failed. The carrier does not have them.
    | { kind: 'refused'; status: number; error: string } // a part got a retry-class status (classifySmppStatus === 'retry')
    | { kind: 'permanent'; status: number; error: string } // a permanent status, or the text cannot be encoded (status -1)
    | { kind: 'ambiguous'; part: number; error: string } // part `part` was written but no answer came (timeout, connection lost)
  );

/** A submit_sm_resp OK that came after its request had expired (the message's outcome said 'ambiguous'). */
export interface LateAccept {
  /** The very object given to submit(). */
  message: OutboundSms;
  part: number;
  /** PDUs the whole message takes. */
  totalParts: number;
  /** Normalised by dlrIdFormat, like AcceptedPart.smscMessageId. */
  smscMessageId: string;
}

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
  /**
   * Outcomes by kind (retried: refused or not sent; failed: permanent), receipts and inbound messages
   * taken, sessions bound again, and submit_sm_resp that came after their request expired.
   */
  counters: {
    submitted: number;
    accepted: number;
    retried: number;
    failed: number;
    ambiguous: number;
    receipts: number;
    inbound: number;
    reconnects: number;
    lateResponses: number;
  };
  /** Parts waiting for a window slot, a TPS token or the end of a pause. */
  queued?: number;
  /** submit_sm PDUs written, and link pauses after throttled / queue-full answers. */
  pdus?: { sent: number; pauses: number };
  /** submit_sm_resp received, by command_status (decimal); counted per PDU. */
  answers?: Record<number, number>;
  /** Receipts received, by stat (DELIVRD, UNDELIV…; `none` when unreadable). */
  receiptStates?: Record<string, number>;
  /** The last thing that went wrong on the link (a refused bind, a lost session, a refused submit), and when (epoch ms). */
  lastError?: { message: string; at: number } | null;
}

/**
 * What the dispatcher needs from a carrier link. The link never resends a message by itself, except a
 * part refused as throttled / queue full, sent again after the pause.
 */
export interface CarrierLinkPort {
  readonly carrier: CarrierId;
  /** The account's submit_sm per second on this link (PDUs, so a 3-part message takes 3). */
  readonly tps: number;
  start(): Promise<void>;
  /**
   * Waits (bounded) for the window to drain and for the remaining parts of messages the SMSC already has
   * parts of, unbinds, closes; everything else still queued comes back 'not-sent' at once.
   */
  stop(): Promise<void>;
  /**
   * Sends the parts one at a time, in order, each after the one before was accepted; resolves once the
   * message is accepted or a part ended it. Waits for a window slot and a TPS token per part.
   */
  submit(message: OutboundSms): Promise<SubmitOutcome>;
  /**
   * Takes back the messages `shouldWithdraw` picks among those waiting for a window slot or a TPS token with no
   * part of them at the SMSC yet: each resolves 'not-sent' with `reason` at once; returns how many. Messages
   * the SMSC has earlier parts of, and PDUs in flight, go on and are answered as usual.
   */
  withdraw(shouldWithdraw: (message: OutboundSms) => boolean, reason: string): number;
  /** Answered with deliver_sm_resp only after the handler resolves (the receipt is stored first). */
  onReceipt(handler: (receipt: DeliveryReceipt) => Promise<void>): void;
  onInbound(handler: (message: InboundSms) => Promise<void>): void;
  /** Called when a part whose outcome was 'ambiguous' (no answer in time) turns out accepted after all. */
  onLateAccept(handler: (late: LateAccept) => void): void;
  status(): LinkStatus;
}
