import { foldToGsm } from './gsm-fold';
import { CAN_THO, CAN_THO_FOLDED, DAK_LAK, DAK_LAK_FOLDED, DAK_LAK_WORD, DAK_LAK_WORD_FOLDED } from './campaign-letters.fixture';
import { describeText, prepareText } from './sms-prepare';

describe(prepareText.name, () => {
  it.each([
    ['Đắk Lắk', DAK_LAK, DAK_LAK_FOLDED],
    ['Cần Thơ', CAN_THO, CAN_THO_FOLDED],
    ['Đắk Lắk pasted from Word', DAK_LAK_WORD, DAK_LAK_WORD_FOLDED],
    ['Đắk Lắk from macOS (NFD)', DAK_LAK.normalize('NFD'), DAK_LAK_FOLDED],
    ['Cần Thơ from macOS (NFD)', CAN_THO.normalize('NFD'), CAN_THO_FOLDED],
  ])('folds the %s warning to the expected GSM text, and folding again changes nothing', (_, letter, expected) => {
    const sut = prepareText(letter, 'ascii-fold');
    expect(sut).toEqual({ text: expected, encoding: 'gsm7' });
    expect(foldToGsm(sut.text)).toBe(sut.text);
  });

  it.each([DAK_LAK, CAN_THO, DAK_LAK_WORD])('gives NFC and NFD inputs the same text under every policy (%#)', (letter) => {
    for (const policy of ['auto', 'unicode', 'ascii-fold'] as const) {
      expect(describeText(letter.normalize('NFD'), policy)).toEqual(describeText(letter, policy));
    }
  });

  it('keeps GSM text as gsm7 under auto and sends it as ucs2 under unicode', () => {
    expect(prepareText('Goi 113', 'auto')).toEqual({ text: 'Goi 113', encoding: 'gsm7' });
    expect(prepareText('Goi 113', 'unicode')).toEqual({ text: 'Goi 113', encoding: 'ucs2' });
  });

  it('refuses to fold an emoji', () => {
    expect(() => prepareText('Cảnh báo 🚨', 'ascii-fold')).toThrow(expect.objectContaining({ code: 'NOT_GSM', character: '🚨', index: 9 }));
  });
});

describe(describeText.name, () => {
  it.each([
    ['Đắk Lắk', DAK_LAK, 'auto', 'ucs2', 3, 181, 201 - 181],
    ['Đắk Lắk', DAK_LAK, 'unicode', 'ucs2', 3, 181, 201 - 181],
    ['Đắk Lắk', DAK_LAK, 'ascii-fold', 'gsm7', 2, 181, 153 * 2 - 181],
    ['Đắk Lắk (NFD)', DAK_LAK.normalize('NFD'), 'auto', 'ucs2', 3, 181, 201 - 181],
    ['Cần Thơ', CAN_THO, 'auto', 'ucs2', 3, 156, 201 - 156],
    ['Cần Thơ', CAN_THO, 'ascii-fold', 'gsm7', 1, 156, 160 - 156],
    ['Cần Thơ (NFD)', CAN_THO.normalize('NFD'), 'ascii-fold', 'gsm7', 1, 156, 160 - 156],
  ] as const)('%s under %s: %s, %i segments, %i units, %i left', (_, letter, policy, encoding, segments, units, left) => {
    expect(describeText(letter, policy)).toEqual(expect.objectContaining({ encoding, segments, units, unitsLeftInLastSegment: left }));
  });

  it('uses the 16-bit-reference capacity when asked', () => {
    expect(describeText(DAK_LAK, 'auto', 'udh16')).toEqual(expect.objectContaining({ segments: 3, unitsPerSegment: 66, unitsLeftInLastSegment: 198 - 181 }));
  });
});
