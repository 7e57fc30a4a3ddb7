import { matchesPattern } from '@loa/sms';
import { DEFAULT_SLOT_LENGTHS, registrationPattern } from './registration-pattern';

describe(registrationPattern.name, () => {
  it('keeps the text between variables fixed and makes each printed variable a slot, in order', () => {
    const sut = registrationPattern('Công an {{province.unit}} cảnh báo. Gọi {{province.hotline}}.', 'auto', { 'province.hotline': 14 });
    expect(sut.text).toBe('Công an {P1} cảnh báo. Gọi {P2}.');
    expect(sut.slots).toEqual([
      { name: 'P1', variable: 'province.unit', maxLength: DEFAULT_SLOT_LENGTHS['province.unit'] },
      { name: 'P2', variable: 'province.hotline', maxLength: 14 },
    ]);
    expect(matchesPattern(sut, 'Công an tỉnh Sơn La cảnh báo. Gọi 069.4389.211.')).toBe(true);
  });

  it('writes the fixed text as sent: folded under ascii-fold, NFC otherwise', () => {
    expect(registrationPattern('Công an {{province.unit}} cảnh báo', 'ascii-fold').text).toBe('Cong an {P1} canh bao');
    expect(registrationPattern('Co\u0302ng an {{province.unit}}', 'unicode').text).toBe('Công an {P1}');
  });

  it('takes a helper on one variable as that variable, and skips comments', () => {
    const sut = registrationPattern('{{! ghi chú }}CÔNG AN {{upper province.shortName}}', 'auto');
    expect(sut.text).toBe('CÔNG AN {P1}');
    expect(sut.slots[0].variable).toBe('province.shortName');
  });

  it('refuses a block, which prints text only for some provinces, naming where it is', () => {
    expect(() => registrationPattern('Cảnh báo.{{#if province.zalo}} Zalo {{province.zalo}}{{/if}}', 'auto')).toThrow(/block at line 1, column 10/);
  });

  it.each([[{ 'province.nickname': 9 }], [{ 'province.name': 0 }], [{ 'province.name': 2.5 }], [{ 'province.name': '30' }]])(
    'refuses slot lengths %j',
    (slots) => {
      expect(() => registrationPattern('{{province.name}}', 'auto', slots as never)).toThrow(expect.objectContaining({ code: 'INVALID' }));
    },
  );
});
