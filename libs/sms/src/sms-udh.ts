import { SmsTextError } from './sms-text.exception';

export interface ConcatInfo {
  reference: number;
  total: number;
  sequence: number;
  referenceBits: 8 | 16;
}

// 3GPP TS 23.040 §9.2.3.24.1 (IEI 0x00) and §9.2.3.24.8 (IEI 0x08).
const IEI_CONCAT_8 = 0x00;
const IEI_CONCAT_16 = 0x08;

function invalid(message: string): SmsTextError {
  return new SmsTextError('INVALID_UDH', message);
}

/** UDHL + one concatenation element; prepend to each segment's bytes and set esm_class UDHI (0x40). */
export function buildConcatUdh(reference: number, total: number, sequence: number, referenceBits: 8 | 16): Buffer {
  const maxReference = referenceBits === 8 ? 0xff : 0xffff;
  if (!Number.isInteger(reference) || reference < 0 || reference > maxReference) {
    throw invalid(`reference ${reference} does not fit ${referenceBits} bits`);
  }
  if (!Number.isInteger(total) || total < 1 || total > 255) throw invalid(`total ${total} must be 1..255`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > total) throw invalid(`sequence ${sequence} must be 1..${total}`);
  return referenceBits === 8
    ? Buffer.from([0x05, IEI_CONCAT_8, 0x03, reference, total, sequence])
    : Buffer.from([0x06, IEI_CONCAT_16, 0x04, reference >> 8, reference & 0xff, total, sequence]);
}

/** Reads the UDH at the start of short_message; headerLength counts the UDHL octet itself. */
export function parseUdh(shortMessage: Buffer): { concat: ConcatInfo | null; headerLength: number } {
  if (shortMessage.length === 0) throw invalid('short_message is empty; there is no UDH length octet');
  const headerLength = shortMessage[0] + 1;
  if (headerLength > shortMessage.length) throw invalid(`UDHL ${shortMessage[0]} runs past the ${shortMessage.length}-octet message`);
  let concat: ConcatInfo | null = null;
  let offset = 1;
  while (offset < headerLength) {
    if (offset + 2 > headerLength) throw invalid(`truncated information element at octet ${offset}`);
    const iei = shortMessage[offset];
    const length = shortMessage[offset + 1];
    const data = offset + 2;
    if (data + length > headerLength) throw invalid(`information element 0x${iei.toString(16)} runs past the header`);
    if (iei === IEI_CONCAT_8 && length === 3) {
      concat = { reference: shortMessage[data], total: shortMessage[data + 1], sequence: shortMessage[data + 2], referenceBits: 8 };
    } else if (iei === IEI_CONCAT_16 && length === 4) {
      concat = { reference: shortMessage.readUInt16BE(data), total: shortMessage[data + 2], sequence: shortMessage[data + 3], referenceBits: 16 };
    }
    offset = data + length;
  }
  return { concat, headerLength };
}
