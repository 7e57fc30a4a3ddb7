import { encodeText } from './sms-codec';
import { countSegments, splitSegments } from './sms-segments';
import { type SmsConcatMode, type SmsEncoding } from './sms.types';

const gsm = (n: number) => 'a'.repeat(n);
const ucs = (n: number) => 'ă'.repeat(n);
const EMOJI = '😀';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// 3GPP TS 23.040 §9.2.3.24: 140 octets per message, minus a 6-octet (udh8) or 7-octet (udh16) header.
describe(countSegments.name, () => {
  it.each([
    ['gsm7', 'udh8', 0, 1, 160],
    ['gsm7', 'udh8', 1, 1, 159],
    ['gsm7', 'udh8', 160, 1, 0],
    ['gsm7', 'udh8', 161, 2, 153 - 8],
    ['gsm7', 'udh8', 153 * 2, 2, 0],
    ['gsm7', 'udh8', 153 * 2 + 1, 3, 152],
    ['gsm7', 'udh8', 153 * 3, 3, 0],
    ['gsm7', 'udh8', 153 * 3 + 1, 4, 152],
    ['gsm7', 'sar', 152 * 2, 2, 0],
    ['gsm7', 'sar', 153 * 2, 3, 150],
    ['gsm7', 'payload', 153 * 2 + 1, 3, 152],
    ['gsm7', 'udh16', 160, 1, 0],
    ['gsm7', 'udh16', 152 * 2, 2, 0],
    ['gsm7', 'udh16', 152 * 2 + 1, 3, 151],
    ['gsm7', 'udh16', 153 * 2, 3, 150],
    ['ucs2', 'udh8', 0, 1, 70],
    ['ucs2', 'udh8', 70, 1, 0],
    ['ucs2', 'udh8', 71, 2, 67 - 4],
    ['ucs2', 'udh8', 67 * 2, 2, 0],
    ['ucs2', 'udh8', 67 * 2 + 1, 3, 66],
    ['ucs2', 'udh8', 67 * 3, 3, 0],
    ['ucs2', 'udh8', 67 * 3 + 1, 4, 66],
    ['ucs2', 'sar', 66 * 2, 2, 0],
    ['ucs2', 'sar', 66 * 2 + 1, 3, 65],
    ['ucs2', 'payload', 67 * 2, 2, 0],
    ['ucs2', 'udh16', 66 * 2, 2, 0],
    ['ucs2', 'udh16', 66 * 2 + 1, 3, 65],
    ['ucs2', 'udh16', 67 * 2, 3, 64],
  ] as [SmsEncoding, SmsConcatMode, number, number, number][])(
    '%s %s: %i characters take %i segment(s), %i units left',
    (encoding, concat, length, segments, left) => {
      const text = encoding === 'gsm7' ? gsm(length) : ucs(length);
      const sut = countSegments(text, encoding, concat);
      expect(sut).toEqual(expect.objectContaining({ encoding, segments, units: length, unitsLeftInLastSegment: left }));
      expect(splitSegments(text, encoding, concat)).toHaveLength(segments);
    },
  );

  it('defaults to udh8 and reports the per-segment capacity', () => {
    expect(countSegments(gsm(200), 'gsm7')).toEqual({ encoding: 'gsm7', segments: 2, units: 200, unitsPerSegment: 153, unitsLeftInLastSegment: 106 });
    expect(countSegments(gsm(20), 'gsm7').unitsPerSegment).toBe(160);
    expect(countSegments(ucs(20), 'ucs2').unitsPerSegment).toBe(70);
  });

  it.each([['^'], ['{'], ['}'], ['\\'], ['['], ['~'], [']'], ['|'], ['€'], ['\f']])('counts extension character %j as two septets', (character) => {
    expect(countSegments(character.repeat(80), 'gsm7')).toEqual(expect.objectContaining({ segments: 1, units: 160 }));
    expect(countSegments(character.repeat(81), 'gsm7')).toEqual(expect.objectContaining({ segments: 2, units: 162 }));
  });

  it('splits message_payload at the part size of the carrier account', () => {
    expect(countSegments(gsm(306), 'gsm7', 'payload').segments).toBe(2);
    expect(countSegments(gsm(306), 'gsm7', 'payload', { gsm7: 152, ucs2: 66 }).segments).toBe(3);
    expect(countSegments(ucs(134), 'ucs2', 'payload', { gsm7: 153, ucs2: 67 }).segments).toBe(2);
    expect(countSegments(ucs(134), 'ucs2', 'payload', { gsm7: 153, ucs2: 66 })).toEqual(expect.objectContaining({ segments: 3, unitsPerSegment: 66 }));
  });

  it('throws NOT_GSM when asked to count non-GSM text as gsm7', () => {
    expect(() => countSegments('Đà Nẵng', 'gsm7')).toThrow(expect.objectContaining({ code: 'NOT_GSM', index: 0 }));
  });
});

describe(splitSegments.name, () => {
  it.each([
    ['€ as septets 153-154 moves whole to the next segment', gsm(152) + '€' + gsm(20), 'udh8', [152, 21]],
    ['€ as septets 152-153 stays', gsm(151) + '€' + gsm(20), 'udh8', [152, 20]],
    ['{ as septets 153-154', gsm(152) + '{' + gsm(10), 'udh8', [152, 11]],
    ['| as septets 152-153 under udh16 moves', gsm(151) + '|' + gsm(10), 'udh16', [151, 11]],
    ['81 € split 76 + 5 (152 septets, the 153rd would be a lone escape)', '€'.repeat(81), 'udh8', [76, 5]],
    ['form feed at the edge', gsm(151) + '\f' + gsm(10), 'sar', [151, 11]],
  ] as [string, string, SmsConcatMode, number[]][])('gsm7: %s', (_, text, concat, lengths) => {
    const sut = splitSegments(text, 'gsm7', concat);
    expect(sut.map((part) => part.length)).toEqual(lengths);
    expect(sut.join('')).toBe(text);
    // Encoded, no segment exceeds its septets nor ends in a lone escape.
    for (const part of sut) expect(encodeText(part, 'gsm7').length).toBeLessThanOrEqual(concat === 'udh8' ? 153 : 152);
    expect(countSegments(text, 'gsm7', concat).segments).toBe(sut.length);
  });

  it.each([
    ['emoji as units 67-68 moves whole to the next segment', ucs(66) + EMOJI + ucs(10), 'udh8', [66, 12]],
    ['emoji as units 66-67 stays', ucs(65) + EMOJI + ucs(10), 'udh8', [67, 10]],
    ['emoji as units 66-67 under udh16 moves', ucs(65) + EMOJI + ucs(10), 'udh16', [65, 12]],
    ['36 emoji split 33 + 3 (66 units each)', EMOJI.repeat(36), 'udh8', [66, 6]],
    ['35 emoji are exactly 70 units, one message', EMOJI.repeat(35), 'udh8', [70]],
  ] as [string, string, SmsConcatMode, number[]][])('ucs2: %s', (_, text, concat, lengths) => {
    const sut = splitSegments(text, 'ucs2', concat);
    expect(sut.map((part) => part.length)).toEqual(lengths);
    expect(sut.join('')).toBe(text);
    for (const part of sut) expect(part).not.toMatch(LONE_SURROGATE);
    expect(countSegments(text, 'ucs2', concat).segments).toBe(sut.length);
  });

  it('returns the text itself when it fits one message', () => {
    expect(splitSegments('', 'gsm7', 'udh8')).toEqual(['']);
    expect(splitSegments(gsm(160), 'gsm7', 'udh16')).toEqual([gsm(160)]);
  });
});
