export type SmsEncoding = 'gsm7' | 'ucs2';
/** auto: GSM when every character fits, else UCS-2. unicode: always UCS-2. ascii-fold: fold to GSM or fail. */
export type EncodingPolicy = 'auto' | 'unicode' | 'ascii-fold';
/** How a carrier takes long messages: UDH with 8- or 16-bit reference, SAR TLVs, or one message_payload. */
export type SmsConcatMode = 'udh8' | 'udh16' | 'sar' | 'payload';
/** What data_coding the carrier expects for GSM text: 0 with GSM 03.38 septets, or 1 (IA5/ASCII). */
export type GsmCharset = 'gsm0338' | 'ascii';

export interface SegmentInfo {
  encoding: SmsEncoding;
  segments: number;
  /** Septets (gsm7, extension characters count two) or UTF-16 code units (ucs2). */
  units: number;
  unitsPerSegment: number;
  unitsLeftInLastSegment: number;
}

export interface PreparedText {
  text: string;
  encoding: SmsEncoding;
}

/** Units per part when the SMSC itself splits a message_payload: a setting of the carrier account. */
export interface PayloadSegment {
  gsm7: number;
  ucs2: number;
}

/** What decides how a carrier's SMSC takes a text: its concatenation, its GSM coding, its own part size. */
export interface CarrierTextProfile {
  carrier: string;
  concat: SmsConcatMode;
  gsmCoding: GsmCharset;
  payloadSegment?: PayloadSegment;
}
