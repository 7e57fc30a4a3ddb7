import { findPhoneNumbers, nationalNumber } from './phone-numbers';

const nationals = (text: string) => findPhoneNumbers(text).map((phone) => phone.national);

describe(findPhoneNumbers.name, () => {
  it.each([
    ['SDT:0912345678'],
    ['(+84)912345678'],
    ['(+84) 912 345 678'],
    ['+84(0)912345678'],
    ['+84 (0) 912.345.678'],
    ['(084)912345678'],
    ['(84)912345678'],
    ['084 912 345 678'],
    ['0084 912 345 678'],
    ['84912345678'],
    ['+84912345678'],
    ['+84-912-345-678'],
    ['Zalo0912345678'],
    ['tel:0912345678'],
    ['tel:+84912345678'],
    ['0912.345.678'],
    ['0912-345-678'],
    ['0912 - 345 - 678'],
    ['(0912) 345 678'],
    ['091 234 5678'],
    ['0912345678đ'],
    ['０９１２３４５６７８'],
    ['0912\u3164345\u200b678'],
  ])('finds 0912345678 in %s', (text) => {
    expect(nationals(`Gọi ${text} ngay`)).toEqual(['0912345678']);
  });

  it('gives the number as the phone shows it and its place in the text as written', () => {
    const written = 'Gọi (+84)\u200b 912 345 678.';
    expect(findPhoneNumbers(written)).toEqual([{ text: '(+84) 912 345 678', index: 4, end: written.length - 1, national: '0912345678' }]);
  });

  it('finds landlines, 1800/1900 lines and the service numbers 111-119', () => {
    expect(nationals('Liên hệ 0262.3818.568, +84 262 3818 568, 1900.1234, 1800 599 920 hoặc 113, 114, 115; 111')).toEqual([
      '02623818568',
      '02623818568',
      '19001234',
      '1800599920',
      '113',
      '114',
      '115',
      '111',
    ]);
  });

  it('splits numbers written one after another', () => {
    expect(nationals('113 114 115')).toEqual(['113', '114', '115']);
    expect(nationals('069.4389.211 0262.3818.568')).toEqual(['0694389211', '02623818568']);
    expect(nationals('(1) 0912 345 678 (2) 113')).toEqual(['0912345678', '113']);
  });

  it.each([
    ['dates', 'Từ 24/02/2026 đến 01.03.2026, ngày 15-12-2025'],
    ['times', 'từ 07h00 đến 21h00, 7h30-11h30, lúc 07:00'],
    ['sums of money', 'phạt 5.000.000 đồng, mất 1.200.000.000 đồng, 84.500.000.000 đồng, 200.000đ'],
    ['decrees and articles', 'Nghị định 13/2023/NĐ-CP, Điều 174 Bộ luật Hình sự, Điều 291'],
    ['counts, years and percentages', 'hơn 120 vụ, năm 2024-2025, 10-30%, 2/3 số vụ, CCCD 12 số, OTP 6 số'],
    ['a 10-digit number not starting with 0', 'mã giao dịch 4455667788'],
    ['too few or too many digits', '091234567 và 09123456789012'],
  ])('finds no number in %s', (_, text) => {
    expect(findPhoneNumbers(text)).toEqual([]);
  });

  it('reads a mobile of the 084 range as itself, not as a country code', () => {
    expect(nationals('Gọi 0842345678')).toEqual(['0842345678']);
  });

  it('stays linear on a long run of digit groups', () => {
    expect(nationals(`${'1 '.repeat(20_000)}0912 345 678`)).toEqual(['0912345678']);
  });
});

describe(nationalNumber.name, () => {
  it.each([
    ['069.4389.211', '0694389211'],
    ['+84 262 3818 568', '02623818568'],
    ['(+84) 262.3818.568', '02623818568'],
    ['113', '113'],
  ])('%s -> %s', (written, national) => {
    expect(nationalNumber(written)).toBe(national);
  });
});
