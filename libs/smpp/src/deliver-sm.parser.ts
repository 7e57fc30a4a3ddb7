import { decodeText, parseUdh } from '@loa/sms';
import { type CarrierId, type DeliveryReceipt, type DlrIdFormat, type InboundSms, type ReceiptState } from './carrier-link.types';
import { type SmppPdu } from './smpp-package';
import { canonicalReceiptId } from './smsc-message-id';

const ESM_CLASS_RECEIPT = 0x04;
const ESM_CLASS_UDHI = 0x40;

// SMPP 3.4 §5.2.28 message_state values.
const MESSAGE_STATES: Record<number, ReceiptState> = {
  1: 'ENROUTE',
  2: 'DELIVRD',
  3: 'EXPIRED',
  4: 'DELETED',
  5: 'UNDELIV',
  6: 'ACCEPTD',
  7: 'UNKNOWN',
  8: 'REJECTD',
};

const STAT_ALIASES: Record<string, ReceiptState> = {
  DELIVRD: 'DELIVRD',
  DELIVERED: 'DELIVRD',
  EXPIRED: 'EXPIRED',
  DELETED: 'DELETED',
  UNDELIV: 'UNDELIV',
  UNDELIVERABLE: 'UNDELIV',
  ACCEPTD: 'ACCEPTD',
  ACCEPTED: 'ACCEPTD',
  UNKNOWN: 'UNKNOWN',
  REJECTD: 'REJECTD',
  REJECTED: 'REJECTD',
  ENROUTE: 'ENROUTE',
};

const FIELD = {
  id: /\bid:\s*([^\s,;]+)/i,
  stat: /\bstat:\s*([a-z_]+)/i,
  err: /\berr:\s*([0-9a-z]+)/i,
  doneDate: /\bdone\s*date:\s*(\d{10,12})/i,
};

export interface ReceiptParseOptions {
  carrier: CarrierId;
  dlrIdFormat: DlrIdFormat;
  /** Receipt dates are the SMSC's wall clock; Vietnamese SMSCs stamp UTC+7 (420). */
  utcOffsetMinutes: number;
}

export type DeliverSmContent = { kind: 'receipt'; receipt: DeliveryReceipt } | { kind: 'inbound'; message: InboundSms };

export function parseDeliverSm(pdu: SmppPdu, options: ReceiptParseOptions): DeliverSmContent {
  const esmClass = Number(pdu.esm_class ?? 0);
  const receiptedId = typeof pdu.receipted_message_id === 'string' ? pdu.receipted_message_id : undefined;
  if (esmClass & ESM_CLASS_RECEIPT || receiptedId !== undefined) {
    return { kind: 'receipt', receipt: parseReceipt(pdu, receiptedId, options) };
  }
  return { kind: 'inbound', message: parseInbound(pdu, esmClass, options.carrier) };
}

function messageBytes(pdu: SmppPdu): Buffer {
  const payload = pdu.message_payload;
  if (Buffer.isBuffer(payload) && payload.length > 0) return payload;
  return Buffer.isBuffer(pdu.short_message) ? pdu.short_message : Buffer.alloc(0);
}

function parseReceipt(pdu: SmppPdu, receiptedId: string | undefined, options: ReceiptParseOptions): DeliveryReceipt {
  const text = messageBytes(pdu).toString('latin1');
  const textId = FIELD.id.exec(text)?.[1];
  const rawId = receiptedId || textId;
  const stateTlv = typeof pdu.message_state === 'number' ? MESSAGE_STATES[pdu.message_state] : undefined;
  const stat = FIELD.stat.exec(text)?.[1]?.toUpperCase();
  const tlvRendering = receiptedId !== undefined ? `receipted_message_id:${receiptedId} message_state:${String(pdu.message_state ?? '')}` : '';
  return {
    carrier: options.carrier,
    smscMessageId: rawId ? canonicalReceiptId(rawId, options.dlrIdFormat) : null,
    subscriber: String(pdu.source_addr ?? '').replace(/\D/g, '') || null,
    state: stateTlv ?? (stat ? (STAT_ALIASES[stat] ?? 'UNKNOWN') : null),
    errorCode: FIELD.err.exec(text)?.[1] ?? networkErrorCode(pdu.network_error_code),
    doneAt: parseSmscDate(FIELD.doneDate.exec(text)?.[1], options.utcOffsetMinutes),
    raw: text.trim() ? text : tlvRendering,
  };
}

/** network_error_code TLV: network type octet + 2-octet error code. */
function networkErrorCode(value: unknown): string | null {
  if (!Buffer.isBuffer(value) || value.length < 3) return null;
  return String(value.readUInt16BE(1)).padStart(3, '0');
}

/** 'YYMMDDhhmm' or 'YYMMDDhhmmss' in the SMSC's local time (digits only, as FIELD.doneDate reads them). */
export function parseSmscDate(value: string | undefined, utcOffsetMinutes: number): Date | null {
  if (!value || !/^\d{10,12}$/.test(value)) return null;
  // Pairs of digits read in place: one receipt a message, the regex-and-map version showed in the profile.
  const pair = (at: number): number => (value.charCodeAt(at) - 48) * 10 + value.charCodeAt(at + 1) - 48;
  const mo = pair(2);
  const seconds = value.length >= 12 ? pair(10) : 0;
  const utc = Date.UTC(2000 + pair(0), mo - 1, pair(4), pair(6), pair(8), seconds) - utcOffsetMinutes * 60_000;
  return Number.isNaN(utc) || mo < 1 || mo > 12 ? null : new Date(utc);
}

function parseInbound(pdu: SmppPdu, esmClass: number, carrier: CarrierId): InboundSms {
  let bytes = messageBytes(pdu);
  if (esmClass & ESM_CLASS_UDHI && bytes.length > 0 && bytes !== pdu.message_payload) {
    try {
      bytes = bytes.subarray(parseUdh(bytes).headerLength);
    } catch {
      // A broken header: keep the bytes whole rather than lose the message.
    }
  }
  const dataCoding = Number(pdu.data_coding ?? 0);
  let text: string;
  try {
    text = decodeText(bytes, dataCoding);
  } catch {
    text = bytes.toString('latin1');
  }
  return { carrier, sourceAddr: String(pdu.source_addr ?? ''), destAddr: String(pdu.destination_addr ?? ''), text, dataCoding };
}
