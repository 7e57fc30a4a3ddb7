import { GSM_EXTENDED, GSM_SEPTET, gsmSeptetCount } from './gsm-alphabet';
import { notGsm } from './sms-text.exception';
import { type PayloadSegment, type SegmentInfo, type SmsConcatMode, type SmsEncoding } from './sms.types';

// 3GPP TS 23.040 §9.2.3.24: the concatenation header takes 6 octets (8-bit reference) or 7 (16-bit),
// i.e. 7 or 8 septets / 3 or 4 UCS-2 characters from 140 octets.
// SAR (SMPP 3.4 §5.3.2.22-24): short_message holds only text, but the SMSC still puts a concatenation
// header on the air, and sar_msg_ref_num is 16 bits (Loa uses all of them), so an SMSC that keeps the
// reference needs the 7-octet header: a SAR part holds 152 / 66, which fits whichever header it picks.
// message_payload: the SMSC splits, at the part size of the carrier account (default as udh8).
const SINGLE = { gsm7: 160, ucs2: 70 } as const;
const MULTI = { gsm7: { udh8: 153, udh16: 152, sar: 152 }, ucs2: { udh8: 67, udh16: 66, sar: 66 } } as const;
export const DEFAULT_PAYLOAD_SEGMENT: PayloadSegment = { gsm7: 153, ucs2: 67 };

/** Units per part of a long message for this concat mode. */
function partCapacity(encoding: SmsEncoding, concat: SmsConcatMode, payloadSegment: PayloadSegment): number {
  return concat === 'payload' ? payloadSegment[encoding] : MULTI[encoding][concat];
}

function totalUnits(text: string, encoding: SmsEncoding): number {
  return encoding === 'gsm7' ? gsmSeptetCount(text) : text.length;
}

/** Units of the character at `index`: an escape pair or a surrogate pair is 2 and never split. */
function unitsAt(text: string, index: number, encoding: SmsEncoding): number {
  const code = text.charCodeAt(index);
  if (encoding === 'ucs2') {
    return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  const septet = GSM_SEPTET[code];
  if (septet < 0) throw notGsm(text, index);
  return septet & GSM_EXTENDED ? 2 : 1;
}

/** Index one past the last character that fits in a segment of `capacity` units starting at `start`. */
function segmentEnd(text: string, start: number, capacity: number, encoding: SmsEncoding): number {
  let used = 0;
  let index = start;
  while (index < text.length) {
    const units = unitsAt(text, index, encoding);
    if (used + units > capacity) break;
    used += units;
    // A surrogate pair spans two indices, an escape pair only one.
    index += encoding === 'ucs2' ? units : 1;
  }
  return index;
}

export function countSegments(
  text: string,
  encoding: SmsEncoding,
  concat: SmsConcatMode = 'udh8',
  payloadSegment: PayloadSegment = DEFAULT_PAYLOAD_SEGMENT,
): SegmentInfo {
  const units = totalUnits(text, encoding);
  const single = SINGLE[encoding];
  if (units <= single) {
    return { encoding, segments: 1, units, unitsPerSegment: single, unitsLeftInLastSegment: single - units };
  }
  const capacity = partCapacity(encoding, concat, payloadSegment);
  let segments = 0;
  let start = 0;
  let lastStart = 0;
  while (start < text.length) {
    lastStart = start;
    start = segmentEnd(text, start, capacity, encoding);
    segments++;
  }
  let lastUnits = 0;
  for (let index = lastStart; index < text.length; index++) lastUnits += encoding === 'gsm7' ? unitsAt(text, index, encoding) : 1;
  return { encoding, segments, units, unitsPerSegment: capacity, unitsLeftInLastSegment: capacity - lastUnits };
}

/** The text of each segment, as countSegments counts them; joined they give the input back. */
export function splitSegments(text: string, encoding: SmsEncoding, concat: SmsConcatMode, payloadSegment: PayloadSegment = DEFAULT_PAYLOAD_SEGMENT): string[] {
  if (totalUnits(text, encoding) <= SINGLE[encoding]) return [text];
  const capacity = partCapacity(encoding, concat, payloadSegment);
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = segmentEnd(text, start, capacity, encoding);
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}
