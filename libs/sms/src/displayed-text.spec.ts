import { displayedText, findInvisibleCharacters } from './displayed-text';

describe(displayedText.name, () => {
  it.each([
    ['full-width digits and letters', '０９１２ｅｖｉｌ．ｃｏｍ', '0912evil.com'],
    ['a zero-width space', '0912\u200b345678', '0912345678'],
    ['the Hangul filler U+3164', 'Gọi 0912\u3164345678', 'Gọi 0912345678'],
    ['the combining grapheme joiner U+034F', 'evil\u034f.com', 'evil.com'],
    ['an emoji variation selector U+FE0F', '⚠\ufe0f 113', '⚠ 113'],
    ['word joiners, BOM, Mongolian vowel separator, Hangul fillers', '0\u20609\u2064\ufeff1\u180e2\u115f\u1160', '0912'],
    ['variation selectors of the supplement', '0912\u{E0100}345', '0912345'],
    ['ideographic full stops', 'evil。com｡vn', 'evil.com.vn'],
    ['Arabic-Indic and Devanagari digits', '٠٩١٢ ०९१२', '0912 0912'],
    ['mathematical digits', '𝟎𝟗𝟏𝟐', '0912'],
  ])('reads %s as a phone shows them', (_, written, shown) => {
    expect(displayedText(written).text).toBe(shown);
  });

  it('keeps Vietnamese letters, composed, whatever their form', () => {
    expect(displayedText('Công an tỉnh Đắk Lắk'.normalize('NFD')).text).toBe('Công an tỉnh Đắk Lắk');
  });

  it('maps each place back to the text as written', () => {
    const written = 'Gọi\u200b ０９12';
    const sut = displayedText(written);
    expect(sut.text).toBe('Gọi 0912');
    expect(written[sut.writtenIndex(sut.text.indexOf('0'))]).toBe('０');
    expect(sut.writtenIndex(sut.text.length)).toBe(written.length);
    expect(sut.writtenIndex(3)).toBe(4);
  });
});

describe(findInvisibleCharacters.name, () => {
  it('names each invisible character with its place and code point', () => {
    expect(findInvisibleCharacters('a\u3164b\u034fc\ufe0fd\u200be')).toEqual([
      { character: '\u3164', index: 1, codePoint: 'U+3164' },
      { character: '\u034f', index: 3, codePoint: 'U+034F' },
      { character: '\ufe0f', index: 5, codePoint: 'U+FE0F' },
      { character: '\u200b', index: 7, codePoint: 'U+200B' },
    ]);
  });

  it('finds none in Vietnamese text, spaces and punctuation', () => {
    expect(findInvisibleCharacters('Công an tỉnh Đắk Lắk: “Không” – gọi\u00a0113…')).toEqual([]);
  });
});
