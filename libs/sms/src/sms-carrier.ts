import { countSegments } from './sms-segments';
import { type CarrierTextProfile, type GsmCharset, type SegmentInfo, type SmsEncoding } from './sms.types';

/**
 * The encoding a carrier gets this text in. A carrier taking GSM text as IA5/ASCII (data_coding 1)
 * cannot carry the GSM characters outside ASCII (é, à, £, Ä…), so such a text goes to it as UCS-2.
 */
export function carrierEncoding(text: string, encoding: SmsEncoding, gsmCoding: GsmCharset): SmsEncoding {
  if (encoding === 'ucs2' || gsmCoding === 'gsm0338') return encoding;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return 'ucs2';
  return encoding;
}

/** The parts one message of this text costs on this carrier: its coding, its concatenation, its part size. */
export function countCarrierSegments(text: string, encoding: SmsEncoding, profile: CarrierTextProfile): SegmentInfo {
  return countSegments(text, carrierEncoding(text, encoding, profile.gsmCoding), profile.concat, profile.payloadSegment);
}
