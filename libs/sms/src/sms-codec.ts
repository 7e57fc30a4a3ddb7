import { GSM_BASIC_CHARS, GSM_ESCAPE, GSM_EXTENDED, GSM_EXTENSION_CHARS, GSM_SEPTET } from './gsm-alphabet';
import { characterAt, codePointLabel, notGsm, SmsTextError } from './sms-text.exception';
import { type GsmCharset, type SmsEncoding } from './sms.types';

// SMPP 3.4 §5.2.19 data_coding: 0 SMSC default (GSM 03.38 here), 1 IA5 (ASCII), 3 Latin-1, 8 UCS-2.
export const DATA_CODING = { gsm0338: 0, ascii: 1, latin1: 3, ucs2: 8 } as const;

export function dataCodingFor(encoding: SmsEncoding, charset: GsmCharset = 'gsm0338'): number {
  if (encoding === 'ucs2') return DATA_CODING.ucs2;
  return charset === 'ascii' ? DATA_CODING.ascii : DATA_CODING.gsm0338;
}

/** The bytes SMPP short_message carries for this text with dataCodingFor(encoding, charset). */
export function encodeText(text: string, encoding: SmsEncoding, charset: GsmCharset = 'gsm0338'): Buffer {
  if (encoding === 'ucs2') return Buffer.from(text, 'utf16le').swap16();
  return charset === 'ascii' ? encodeAscii(text) : encodeGsmSeptets(text);
}

/** Unpacked septets, one per byte; extension characters as 0x1B + septet. */
function encodeGsmSeptets(text: string): Buffer {
  const bytes = Buffer.allocUnsafe(text.length * 2);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const septet = GSM_SEPTET[text.charCodeAt(i)];
    if (septet < 0) throw notGsm(text, i);
    if (septet & GSM_EXTENDED) bytes[length++] = GSM_ESCAPE;
    bytes[length++] = septet & 0x7f;
  }
  return bytes.subarray(0, length);
}

function encodeAscii(text: string): Buffer {
  const bytes = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (GSM_SEPTET[code] < 0) throw notGsm(text, i);
    if (code > 0x7f) {
      const character = characterAt(text, i);
      throw new SmsTextError('NOT_ASCII', `"${character}" (${codePointLabel(character)}) at index ${i} has no IA5/ASCII equivalent`, character, i);
    }
    bytes[i] = code;
  }
  return bytes;
}

/** Inverse of encodeText, by SMPP data_coding; for the simulator and tests. */
export function decodeText(bytes: Buffer, dataCoding: number): string {
  switch (dataCoding) {
    case DATA_CODING.gsm0338:
      return decodeGsmSeptets(bytes);
    case DATA_CODING.ascii:
      return bytes.toString('ascii');
    case DATA_CODING.latin1:
      return bytes.toString('latin1');
    case DATA_CODING.ucs2:
      return Buffer.from(bytes.subarray(0, bytes.length & ~1))
        .swap16()
        .toString('utf16le');
    default:
      throw new SmsTextError('UNSUPPORTED_DATA_CODING', `data_coding ${dataCoding} is not supported`);
  }
}

function decodeGsmSeptets(bytes: Buffer): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const septet = bytes[i] & 0x7f;
    if (septet !== GSM_ESCAPE) {
      text += GSM_BASIC_CHARS[septet];
    } else if (i + 1 < bytes.length) {
      const next = bytes[++i] & 0x7f;
      // TS 23.038: an escape to an undefined extension code shows the basic-table character.
      text += GSM_EXTENSION_CHARS.get(next) ?? (next === GSM_ESCAPE ? ' ' : GSM_BASIC_CHARS[next]);
    }
  }
  return text;
}
