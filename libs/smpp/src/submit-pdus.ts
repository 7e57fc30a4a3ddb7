import { buildConcatUdh, carrierEncoding, dataCodingFor, encodeText, type GsmCharset, type PayloadSegment, type SmsEncoding, splitSegments } from '@loa/sms';
import { type ConcatMode, type OutboundSms, type SmppAccountConfig } from './carrier-link.types';
import { relativeValidityPeriod } from './validity-period';

const ESM_CLASS_UDHI = 0x40;
const REGISTERED_DELIVERY_FINAL = 0x01;

/** The fields of one submit_sm, as the smpp package takes them (short_message always a Buffer). */
export type SubmitPduFields = Record<string, unknown>;

/** One submit_sm to send, with its 1-based part number within the whole message. */
export interface PlannedPart {
  part: number;
  fields: SubmitPduFields;
}

/** The submit_sm PDUs of one send, in part order. */
export interface SubmitPlan {
  /** PDUs the whole message takes (the UDH / SAR total), however few of them this send holds. */
  totalParts: number;
  /** The concatenation reference; null for one PDU (a single segment, or message_payload). */
  reference: number | null;
  parts: PlannedPart[];
}

/** Hands out concatenation references per link, rolling over within the reference size. */
export class ConcatReferences {
  private last8 = Math.floor(Math.random() * 0xff);
  private last16 = Math.floor(Math.random() * 0xffff);

  next(bits: 8 | 16): number {
    if (bits === 8) return (this.last8 = (this.last8 % 0xff) + 1);
    return (this.last16 = (this.last16 % 0xffff) + 1);
  }
}

/**
 * The segments and encoded bytes of the texts a link sends, kept: a campaign sends one text per province
 * to thousands of subscribers, and splitting and encoding it again for each showed in the dispatcher's
 * profile. Bounded; the oldest text goes first. The Buffers handed out are shared: never written to.
 */
export class EncodedTexts {
  // Keyed by the text first: the dispatcher passes the same string for every subscriber of a province, so
  // the lookup hashes it once (V8 keeps a string's hash); a key that joined text and variant was a new
  // string of the whole text per message, allocated and hashed each time.
  private readonly segmentsOf = new Map<string, Map<string, string[]>>();
  private readonly bytesOf = new Map<string, Map<string, Buffer>>();

  constructor(private readonly capacity = 1000) {}

  segments(text: string, encoding: SmsEncoding, concat: ConcatMode, payloadSegment?: PayloadSegment): string[] {
    const variant = `${encoding}:${concat}:${payloadSegment ? `${payloadSegment.gsm7}/${payloadSegment.ucs2}` : ''}`;
    return remembered(this.segmentsOf, text, variant, this.capacity, () => splitSegments(text, encoding, concat, payloadSegment));
  }

  bytes(text: string, encoding: SmsEncoding, charset: GsmCharset): Buffer {
    return remembered(this.bytesOf, text, `${encoding}:${charset}`, this.capacity, () => encodeText(text, encoding, charset));
  }
}

function remembered<T>(cache: Map<string, Map<string, T>>, text: string, variant: string, capacity: number, compute: () => T): T {
  let variants = cache.get(text);
  if (variants === undefined) {
    if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    cache.set(text, (variants = new Map()));
  }
  let value = variants.get(variant);
  if (value === undefined) variants.set(variant, (value = compute()));
  return value;
}

/**
 * One submit_sm per segment (one in total for message_payload); bytes from libs/sms, never the package.
 * With `onlyParts` only those segments are built, under `message.reference` when given: the carrier
 * already has the others. Throws when the text does not fit its encoding or onlyParts / reference are
 * out of range.
 */
export function buildSubmitPdus(
  message: OutboundSms,
  config: SmppAccountConfig,
  references: ConcatReferences,
  texts: EncodedTexts = new EncodedTexts(),
): SubmitPlan {
  // An IA5 carrier gets GSM text outside ASCII as UCS-2 (countCarrierSegments counts it the same way).
  const encoding = carrierEncoding(message.text, message.encoding, config.gsmCoding);
  const encode = (text: string) => texts.bytes(text, encoding, config.gsmCoding);
  const segments = texts.segments(message.text, encoding, config.concat, config.payloadSegment);
  if (segments.length === 1) return onePdu(baseFields(message, config, encoding, encode(message.text)));
  const base = baseFields(message, config, encoding, Buffer.alloc(0));
  if (config.concat === 'payload') return onePdu({ ...base, message_payload: encode(message.text) });
  const bits = config.concat === 'udh8' ? 8 : 16;
  const reference = message.reference === undefined ? references.next(bits) : foldReference(message.reference, bits);
  const total = segments.length;
  const parts = partsToSend(message.onlyParts, total).map((part) => ({
    part,
    fields: concatFields(config.concat, base, encode(segments[part - 1]), { reference, total, part }),
  }));
  return { totalParts: total, reference, parts };
}

/** The fields of a submit_sm of one part, `shortMessage` its bytes: one object literal per message, no copies. */
function baseFields(message: OutboundSms, config: SmppAccountConfig, encoding: SmsEncoding, shortMessage: Buffer): SubmitPduFields {
  return {
    service_type: '',
    source_addr_ton: config.sourceTon,
    source_addr_npi: config.sourceNpi,
    source_addr: config.sourceAddr,
    dest_addr_ton: config.destTon,
    dest_addr_npi: config.destNpi,
    destination_addr: message.destination,
    esm_class: 0,
    registered_delivery: REGISTERED_DELIVERY_FINAL,
    validity_period: relativeValidityPeriod(message.validityHours ?? config.validityHours),
    data_coding: dataCodingFor(encoding, config.gsmCoding),
    short_message: shortMessage,
  };
}

function onePdu(fields: SubmitPduFields): SubmitPlan {
  return { totalParts: 1, reference: null, parts: [{ part: 1, fields }] };
}

function concatFields(concat: ConcatMode, base: SubmitPduFields, bytes: Buffer, at: { reference: number; total: number; part: number }): SubmitPduFields {
  if (concat === 'sar') {
    return { ...base, short_message: bytes, sar_msg_ref_num: at.reference, sar_total_segments: at.total, sar_segment_seqnum: at.part };
  }
  const udh = buildConcatUdh(at.reference, at.total, at.part, concat === 'udh8' ? 8 : 16);
  return { ...base, esm_class: ESM_CLASS_UDHI, short_message: Buffer.concat([udh, bytes]) };
}

/** The requested part numbers, ascending and once each; every part when none are named. */
function partsToSend(onlyParts: number[] | undefined, total: number): number[] {
  if (onlyParts === undefined) return Array.from({ length: total }, (_, index) => index + 1);
  const wanted = [...new Set(onlyParts)].sort((a, b) => a - b);
  const outside = wanted.filter((part) => !Number.isInteger(part) || part < 1 || part > total);
  if (wanted.length === 0) throw new RangeError('onlyParts names no part');
  if (outside.length > 0) throw new RangeError(`onlyParts ${outside.join(', ')} outside the message's ${total} parts`);
  return wanted;
}

/**
 * A reference of the caller's (any positive integer, e.g. derived from the message's id so that a resend
 * after a crash, when nothing was recorded, completes the message it began) folded into 1..2^bits-1.
 */
export function foldReference(reference: number, bits: 8 | 16): number {
  if (!Number.isSafeInteger(reference) || reference < 1) throw new RangeError(`reference ${reference} is not a positive integer`);
  return ((reference - 1) % (2 ** bits - 1)) + 1;
}
