import { CAN_THO, DAK_LAK, DAK_LAK_WORD } from './campaign-letters.fixture';
import { dataCodingFor, decodeText, encodeText } from './sms-codec';
import { prepareText } from './sms-prepare';
import { splitSegments } from './sms-segments';
import { buildConcatUdh, parseUdh } from './sms-udh';
import { type EncodingPolicy, type SmsConcatMode } from './sms.types';

// GSM 03.38 default alphabet as printed in TS 23.038, one string per column (high nibble 0..7).
const GSM_COLUMNS = [
  '@£$¥èéùìòÇ\nØø\rÅå',
  'Δ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ',
  ' !"#¤%&\'()*+,-./',
  '0123456789:;<=>?',
  '¡ABCDEFGHIJKLMNO',
  'PQRSTUVWXYZÄÖÑÜ§',
  '¿abcdefghijklmno',
  'pqrstuvwxyzäöñüà',
];
const GSM_EXTENSION: Record<number, string> = {
  0x0a: '\f',
  0x14: '^',
  0x28: '{',
  0x29: '}',
  0x2f: '\\',
  0x3c: '[',
  0x3d: '~',
  0x3e: ']',
  0x40: '|',
  0x65: '€',
};

/** What an SMSC does with short_message: a reference decoder that shares nothing with libs/sms. */
function referenceDecode(body: Buffer, dataCoding: number): string {
  let text = '';
  for (let i = 0; i < body.length; i++) {
    if (dataCoding === 8) {
      text += String.fromCharCode((body[i] << 8) | body[++i]);
    } else if (body[i] === 0x1b) {
      text += GSM_EXTENSION[body[++i]];
    } else {
      text += GSM_COLUMNS[body[i] >> 4][body[i] & 0x0f];
    }
  }
  return text;
}

interface Pdu {
  shortMessage: Buffer;
  dataCoding: number;
}

/** What the dispatcher sends: one submit_sm per segment, UDH in front (esm_class UDHI). */
function toPdus(text: string, policy: EncodingPolicy, concat: SmsConcatMode, reference: number): Pdu[] {
  const prepared = prepareText(text, policy);
  const parts = splitSegments(prepared.text, prepared.encoding, concat);
  const dataCoding = dataCodingFor(prepared.encoding);
  return parts.map((part, i) => ({
    dataCoding,
    shortMessage: Buffer.concat([buildConcatUdh(reference, parts.length, i + 1, concat === 'udh16' ? 16 : 8), encodeText(part, prepared.encoding)]),
  }));
}

describe(parseUdh.name, () => {
  it.each([
    ['Đắk Lắk', DAK_LAK, 'auto', 'udh8', 3],
    ['Đắk Lắk', DAK_LAK, 'auto', 'udh16', 3],
    ['Đắk Lắk', DAK_LAK, 'ascii-fold', 'udh8', 2],
    ['Đắk Lắk from macOS', DAK_LAK.normalize('NFD'), 'unicode', 'udh8', 3],
    ['Cần Thơ', CAN_THO, 'unicode', 'udh16', 3],
    ['Đắk Lắk from Word', DAK_LAK_WORD, 'auto', 'udh8', 2],
    ['extension characters', '{Cảnh báo}€ '.repeat(12), 'auto', 'udh8', 3],
    ['emoji', 'Cảnh báo 🚨 '.repeat(12), 'unicode', 'udh8', 3],
  ] as const)('reassembles the %s text (%s, %s) from %i parts received out of order', (_, text, policy, concat, parts) => {
    const expected = prepareText(text, policy).text;
    const received = toPdus(text, policy, concat, 0xbeef & (concat === 'udh16' ? 0xffff : 0xff)).reverse();
    expect(received).toHaveLength(parts);

    const bySequence = new Map<number, string>();
    for (const { shortMessage, dataCoding } of received) {
      expect(shortMessage.length).toBeLessThanOrEqual(dataCoding === 8 ? 140 : 160);
      // Header read by hand from the octets (TS 23.040 §9.2.3.24.1 / .8), then with parseUdh.
      const udhl = shortMessage[0];
      const sixteen = shortMessage[1] === 0x08;
      expect(shortMessage[1]).toBe(sixteen ? 0x08 : 0x00);
      expect(shortMessage[2]).toBe(sixteen ? 4 : 3);
      const total = shortMessage[udhl - 1];
      const sequence = shortMessage[udhl];
      expect(total).toBe(parts);
      expect(parseUdh(shortMessage)).toEqual({ headerLength: udhl + 1, concat: expect.objectContaining({ total, sequence }) });

      const body = shortMessage.subarray(udhl + 1);
      const decoded = referenceDecode(body, dataCoding);
      expect(decodeText(body, dataCoding)).toBe(decoded);
      bySequence.set(sequence, decoded);
    }
    const reassembled = [...bySequence.keys()]
      .sort((a, b) => a - b)
      .map((sequence) => bySequence.get(sequence))
      .join('');
    expect(reassembled).toBe(expected);
  });
});
