import { isGsmText } from './gsm-alphabet';
import { foldToGsm } from './gsm-fold';
import { countSegments } from './sms-segments';

// Vietnamese vowels built from the Unicode combining marks, not from precomposed characters.
const TONES = { ngang: '', huyen: '\u0300', sac: '\u0301', nga: '\u0303', hoi: '\u0309', nang: '\u0323' };
const VOWELS = { a: 'a', ă: 'a\u0306', â: 'a\u0302', e: 'e', ê: 'e\u0302', i: 'i', o: 'o', ô: 'o\u0302', ơ: 'o\u031b', u: 'u', ư: 'u\u031b', y: 'y' };

const LETTERS = Object.entries(VOWELS).flatMap(([name, decomposed]) =>
  Object.entries(TONES).flatMap(([tone, mark]) => [
    { name: `${name} ${tone}`, nfd: decomposed + mark, bare: decomposed[0] },
    { name: `${name.toUpperCase()} ${tone}`, nfd: decomposed.toUpperCase() + mark, bare: decomposed[0].toUpperCase() },
  ]),
);

describe(foldToGsm.name, () => {
  it('has all 144 vowel and tone combinations, each one precomposed character in NFC', () => {
    expect(LETTERS).toHaveLength(144);
    for (const letter of LETTERS) expect(letter.nfd.normalize('NFC')).toHaveLength(1);
  });

  it.each(LETTERS)('folds $name (NFC and NFD) to $bare', ({ nfd, bare }) => {
    const nfc = nfd.normalize('NFC');
    expect(foldToGsm(nfc)).toBe(bare);
    expect(foldToGsm(nfd)).toBe(bare);
    expect(foldToGsm(`x${nfd}x`)).toBe(`x${bare}x`);
  });

  it.each([
    ['đ', 'd'],
    ['Đ', 'D'],
    ['Đường', 'Duong'],
    ['đ'.normalize('NFD'), 'd'],
  ])('folds %j to %j', (input, expected) => {
    expect(foldToGsm(input)).toBe(expected);
  });

  it.each([
    ['‘', "'"],
    ['’', "'"],
    ['‚', "'"],
    ['‛', "'"],
    ['“', '"'],
    ['”', '"'],
    ['„', '"'],
    ['‐', '-'],
    ['‑', '-'],
    ['‒', '-'],
    ['–', '-'],
    ['—', '-'],
    ['―', '-'],
    ['…', '...'],
    ['\u00a0', ' '],
    ['\u202f', ' '],
    ['\u2009', ' '],
    ['\u2002', ' '],
    ['\u2003', ' '],
    ['\u3000', ' '],
    ['\u200b', ''],
    ['\u200c', ''],
    ['\u200d', ''],
    ['\ufeff', ''],
    ['\u2060', ''],
  ])('folds Word punctuation %j to %j', (character, expected) => {
    expect(foldToGsm(`a${character}b`)).toBe(`a${expected}b`);
  });

  it.each(['ü', 'ñ', 'Ç', 'ß', 'Å', 'Ø', 'Δ', '€', '£', '@', '{', '\n'])('keeps %j, which GSM 03.38 carries', (character) => {
    expect(foldToGsm(character)).toBe(character);
  });

  it('strips the marks of other Latin letters outside GSM', () => {
    expect(foldToGsm('ç ã ō')).toBe('c a o');
  });

  it.each([
    ['emoji', 'Cảnh báo 😀 lừa đảo', '😀', 9],
    ['Chinese', 'Cảnh báo 中国', '中', 9],
    ['bullet', '• Không chuyển tiền', '•', 0],
  ])('refuses %s with NOT_GSM naming the character and its index', (_, text, character, index) => {
    expect(() => foldToGsm(text)).toThrow(expect.objectContaining({ code: 'NOT_GSM', character, index }));
  });

  it('is idempotent and gives GSM text', () => {
    const text = 'Người lạ “tự xưng” – công an… Hỏi: 0262.3818.568';
    const once = foldToGsm(text);
    expect(isGsmText(once)).toBe(true);
    expect(foldToGsm(once)).toBe(once);
    expect(countSegments(foldToGsm(text.normalize('NFD')), 'gsm7')).toEqual(countSegments(once, 'gsm7'));
  });

  it('leaves GSM text untouched', () => {
    const text = 'Canh bao: goi 113 @ 24/7 {khan}';
    expect(foldToGsm(text)).toBe(text);
  });
});
