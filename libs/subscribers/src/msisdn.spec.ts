import 'reflect-metadata';
import { parseCarrierName } from './carrier';
import { carrierForMsisdn, InvalidMsisdn, normalizeMsisdn } from './msisdn';

describe(normalizeMsisdn.name, () => {
  it.each([
    ['0912345678', 84912345678n],
    ['84912345678', 84912345678n],
    ['+84912345678', 84912345678n],
    ['+84 912 345 678', 84912345678n],
    ['0084 912 345 678', 84912345678n],
    ['091.234.5678', 84912345678n],
    ['091-234-5678', 84912345678n],
    ['(091) 234 5678', 84912345678n],
    ['\u00a00912 345 678 ', 84912345678n],
    ['912345678', 84912345678n],
    ['01621234567', 84321234567n], // Viettel 0162 -> 032
    ['0162 123 4567', 84321234567n],
    ['841621234567', 84321234567n],
    ['+84 162 123 4567', 84321234567n],
    ['01201234567', 84701234567n], // MobiFone 0120 -> 070
    ['01231234567', 84831234567n], // VinaPhone 0123 -> 083
    ['01991234567', 84591234567n], // Gmobile 0199 -> 059
    ['0522123456', 84522123456n], // Vietnamobile 4-digit prefix
  ])('normalises %s', (input, expected) => {
    expect(normalizeMsisdn(input)).toBe(expected);
  });

  it.each([
    ['', /empty/],
    ['abc', /not a phone number/],
    ['0912x45678', /not a phone number/],
    ['+1 415 555 0100', /only \+84/],
    ['091234567', /wrong length/],
    ['09123456789', /wrong length/],
    ['0241234567', /024 is not a Vietnamese mobile prefix/], // Hà Nội landline
    ['0301234567', /030 is not/], // uncertain MobiFone range: refused until confirmed
    ['01001234567', /0100 is not a pre-2018 mobile prefix/],
  ])('refuses %s with a reason', (input, reason) => {
    const result = normalizeMsisdn(input);
    expect(result).toBeInstanceOf(InvalidMsisdn);
    expect((result as InvalidMsisdn).reason).toMatch(reason);
  });
});

describe(carrierForMsisdn.name, () => {
  it.each([
    [84961234567n, 'viettel'],
    [84321234567n, 'viettel'],
    [84911234567n, 'vnpt'],
    [84811234567n, 'vnpt'],
    [84901234567n, 'mobifone'],
    [84701234567n, 'mobifone'],
    [84921234567n, 'others'],
    [84993123456n, 'others'],
  ])('names the range holder of %s', (msisdn, carrier) => {
    expect(carrierForMsisdn(msisdn)).toBe(carrier);
  });

  it('knows no carrier outside the mobile ranges', () => {
    expect(carrierForMsisdn(84241234567n)).toBeNull();
    expect(carrierForMsisdn('12345')).toBeNull();
  });
});

describe(parseCarrierName.name, () => {
  it('accepts the contracted carriers in any case, VinaPhone as VNPT, and nothing else', () => {
    expect(['Viettel', 'VNPT', 'vinaphone', ' MobiFone '].map(parseCarrierName)).toEqual(['viettel', 'vnpt', 'vnpt', 'mobifone']);
    expect(['Vietnamobile', 'others', 'viettell'].map(parseCarrierName)).toEqual([null, null, null]);
  });
});
