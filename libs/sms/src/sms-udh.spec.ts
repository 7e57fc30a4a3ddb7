import { buildConcatUdh, parseUdh } from './sms-udh';

const bytes = (hex: string) => Buffer.from(hex.replace(/ /g, ''), 'hex');

// 3GPP TS 23.040 §9.2.3.24: UDHL, then IEI / IEDL / data; 0x00 = 8-bit reference, 0x08 = 16-bit reference.
describe(buildConcatUdh.name, () => {
  it.each([
    [0x2a, 3, 1, 8, '05 00 03 2A 03 01'],
    [0xff, 2, 2, 8, '05 00 03 FF 02 02'],
    [0x1234, 2, 2, 16, '06 08 04 12 34 02 02'],
    [0x0007, 255, 255, 16, '06 08 04 00 07 FF FF'],
  ] as const)('reference %i, total %i, part %i, %i-bit -> %s', (reference, total, sequence, bits, expected) => {
    expect(buildConcatUdh(reference, total, sequence, bits)).toEqual(bytes(expected));
  });

  it.each([
    [256, 2, 1, 8],
    [0x10000, 2, 1, 16],
    [1, 0, 1, 8],
    [1, 256, 1, 8],
    [1, 2, 0, 8],
    [1, 2, 3, 8],
  ] as const)('refuses reference %i, total %i, part %i at %i bits', (reference, total, sequence, bits) => {
    expect(() => buildConcatUdh(reference, total, sequence, bits)).toThrow(expect.objectContaining({ code: 'INVALID_UDH' }));
  });
});

describe(parseUdh.name, () => {
  it.each([
    ['8-bit reference', '05 00 03 2A 03 01 41 42', { reference: 0x2a, total: 3, sequence: 1, referenceBits: 8 }, 6],
    ['16-bit reference', '06 08 04 12 34 02 02 00 41', { reference: 0x1234, total: 2, sequence: 2, referenceBits: 16 }, 7],
    ['after an unknown IEI', '08 24 01 05 00 03 7F 02 01 41', { reference: 0x7f, total: 2, sequence: 1, referenceBits: 8 }, 9],
    ['after port addressing', '0B 05 04 0B 84 23 F0 00 03 09 04 04 41', { reference: 9, total: 4, sequence: 4, referenceBits: 8 }, 12],
    ['with no concatenation element', '04 05 02 0B 84 41', null, 5],
    ['with an empty header', '00 41', null, 1],
  ])('reads a header %s', (_, message, concat, headerLength) => {
    expect(parseUdh(bytes(message))).toEqual({ concat, headerLength });
  });

  it.each([
    ['an empty message', ''],
    ['UDHL past the end', '05 00 03 01'],
    ['an element past the header', '03 00 03 01 02 03'],
    ['a truncated element', '01 00 41'],
  ])('refuses %s', (_, message) => {
    expect(() => parseUdh(bytes(message))).toThrow(expect.objectContaining({ code: 'INVALID_UDH' }));
  });
});
