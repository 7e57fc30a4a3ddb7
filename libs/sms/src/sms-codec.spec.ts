import { dataCodingFor, decodeText, encodeText } from './sms-codec';
import { SmsTextError } from './sms-text.exception';

const hex = (bytes: Buffer) => bytes.toString('hex').toUpperCase().match(/../g)?.join(' ') ?? '';

// Septet values copied from the 3GPP TS 23.038 §6.2.1 default alphabet and §6.2.1.1 extension table.
const GSM_0338: [string, string][] = [
  ['@', '00'],
  ['£', '01'],
  ['$', '02'],
  ['¥', '03'],
  ['è', '04'],
  ['é', '05'],
  ['ù', '06'],
  ['ì', '07'],
  ['ò', '08'],
  ['Ç', '09'],
  ['\n', '0A'],
  ['Ø', '0B'],
  ['ø', '0C'],
  ['\r', '0D'],
  ['Å', '0E'],
  ['å', '0F'],
  ['Δ', '10'],
  ['_', '11'],
  ['Φ', '12'],
  ['Γ', '13'],
  ['Λ', '14'],
  ['Ω', '15'],
  ['Π', '16'],
  ['Ψ', '17'],
  ['Σ', '18'],
  ['Θ', '19'],
  ['Ξ', '1A'],
  ['Æ', '1C'],
  ['æ', '1D'],
  ['ß', '1E'],
  ['É', '1F'],
  [' ', '20'],
  ['!', '21'],
  ['"', '22'],
  ['#', '23'],
  ['¤', '24'],
  ['%', '25'],
  ['&', '26'],
  ["'", '27'],
  ['0', '30'],
  ['9', '39'],
  ['?', '3F'],
  ['¡', '40'],
  ['A', '41'],
  ['Z', '5A'],
  ['Ä', '5B'],
  ['Ö', '5C'],
  ['Ñ', '5D'],
  ['Ü', '5E'],
  ['§', '5F'],
  ['¿', '60'],
  ['a', '61'],
  ['z', '7A'],
  ['ä', '7B'],
  ['ö', '7C'],
  ['ñ', '7D'],
  ['ü', '7E'],
  ['à', '7F'],
  ['\f', '1B 0A'],
  ['^', '1B 14'],
  ['{', '1B 28'],
  ['}', '1B 29'],
  ['\\', '1B 2F'],
  ['[', '1B 3C'],
  ['~', '1B 3D'],
  [']', '1B 3E'],
  ['|', '1B 40'],
  ['€', '1B 65'],
];

describe(encodeText.name, () => {
  it.each(GSM_0338)('encodes %j as GSM septet(s) %s', (character, expected) => {
    expect(hex(encodeText(character, 'gsm7'))).toBe(expected);
  });

  it.each(GSM_0338)('decodes GSM septet(s) for %j', (character, septets) => {
    expect(decodeText(Buffer.from(septets.replace(/ /g, ''), 'hex'), 0)).toBe(character);
  });

  it.each([
    ['A@£', 'gsm7', '41 00 01'],
    ['Hi€', 'gsm7', '48 69 1B 65'],
    ['Đ', 'ucs2', '01 10'],
    ['ă', 'ucs2', '01 03'],
    ['Việt', 'ucs2', '00 56 00 69 1E C7 00 74'],
    ['😀', 'ucs2', 'D8 3D DE 00'],
    ['', 'gsm7', ''],
  ] as const)('encodes %j as %s: %s', (text, encoding, expected) => {
    expect(hex(encodeText(text, encoding))).toBe(expected);
  });

  it.each([
    ['A@_', '41 40 5F'],
    ['{[~]}|\\^', '7B 5B 7E 5D 7D 7C 5C 5E'],
  ])('encodes %j as IA5/ASCII %s', (text, expected) => {
    expect(hex(encodeText(text, 'gsm7', 'ascii'))).toBe(expected);
  });

  it.each(['£', '€', 'Δ', 'é'])('refuses %j for IA5/ASCII with NOT_ASCII', (character) => {
    expect(() => encodeText(`ok ${character}`, 'gsm7', 'ascii')).toThrow(expect.objectContaining({ code: 'NOT_ASCII', character, index: 3 }));
  });

  it('refuses a character outside GSM with NOT_GSM naming it', () => {
    const act = () => encodeText('Xin chào bạn', 'gsm7');
    expect(act).toThrow(SmsTextError);
    expect(act).toThrow(expect.objectContaining({ code: 'NOT_GSM', character: 'ạ', index: 10 }));
  });
});

describe(decodeText.name, () => {
  it.each([
    [1, '48 65 6C 6C 6F', 'Hello'],
    [3, '43 61 66 E9', 'Café'],
    [8, '01 10 00 E3 00 20 D8 3D DE 00', 'Đã 😀'],
    [0, '1B 65 31 30', '€10'],
  ])('decodes data_coding %i bytes %s', (dataCoding, bytes, expected) => {
    expect(decodeText(Buffer.from(bytes.replace(/ /g, ''), 'hex'), dataCoding)).toBe(expected);
  });

  it('shows the basic-table character for an undefined escape (TS 23.038)', () => {
    expect(decodeText(Buffer.from([0x1b, 0x41]), 0)).toBe('A');
  });

  it('refuses a data_coding it does not know', () => {
    expect(() => decodeText(Buffer.from([0x41]), 4)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_DATA_CODING' }));
  });
});

describe(dataCodingFor.name, () => {
  it.each([
    ['gsm7', 'gsm0338', 0],
    ['gsm7', 'ascii', 1],
    ['ucs2', 'gsm0338', 8],
    ['ucs2', 'ascii', 8],
  ] as const)('%s with %s charset is data_coding %i (SMPP 3.4 §5.2.19)', (encoding, charset, expected) => {
    expect(dataCodingFor(encoding, charset)).toBe(expected);
  });
});
