import { findNonGsmCharacters, GSM_BASIC_CHARS, GSM_EXTENSION_CHARS, isGsmText } from './gsm-alphabet';

describe(isGsmText.name, () => {
  it('has the 128 positions of the default alphabet and the 10 of the extension table', () => {
    expect(GSM_BASIC_CHARS).toHaveLength(128);
    expect(GSM_EXTENSION_CHARS.size).toBe(10);
  });

  it.each([
    ['plain ASCII letters and digits', 'Canh bao 113', true],
    ['GSM accented letters', 'èéùìòÇØøÅåÆæßÉÄÖÑÜäöñüà', true],
    ['Greek capitals', 'ΔΦΓΛΩΠΨΣΘΞ', true],
    ['the extension table', '^{}\\[~]|€\f', true],
    ['the empty string', '', true],
    ['a backtick (not in GSM)', '`', false],
    ['Vietnamese ă', 'ăn', false],
    ['đ', 'đi', false],
    ['an en dash', 'a – b', false],
    ['lowercase ç (only Ç is in the table)', 'ç', false],
    ['an emoji', '😀', false],
  ])('%s -> %s', (_, text, expected) => {
    expect(isGsmText(text)).toBe(expected);
  });
});

describe(findNonGsmCharacters.name, () => {
  it('names each character that forces UCS-2, with its index and code point', () => {
    expect(findNonGsmCharacters('Gọi “113” 😀!')).toEqual([
      { character: 'ọ', index: 1, codePoint: 'U+1ECD' },
      { character: '“', index: 4, codePoint: 'U+201C' },
      { character: '”', index: 8, codePoint: 'U+201D' },
      { character: '😀', index: 10, codePoint: 'U+1F600' },
    ]);
  });

  it('finds nothing in GSM text', () => {
    expect(findNonGsmCharacters('Goi 113 {ngay}')).toEqual([]);
  });
});
