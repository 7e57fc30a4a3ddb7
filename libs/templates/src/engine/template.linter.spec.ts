import { lintTemplate, type LintOptions } from './template.linter';
import { type TemplateProvince } from './template-variables';

const DAK_LAK: TemplateProvince = {
  code: '66',
  name: 'Đắk Lắk',
  shortName: 'Đắk Lắk',
  unit: 'tỉnh Đắk Lắk',
  hotline: '069.4389.211',
  hotlines: '069.4389.211 hoặc 0262.3818.568',
  website: 'congan.daklak.gov.vn',
  zalo: null,
  fanpage: null,
  vneid: null,
};
const CAN_THO: TemplateProvince = {
  code: '92',
  name: 'Cần Thơ',
  shortName: 'Cần Thơ',
  unit: 'thành phố Cần Thơ',
  hotline: '069.367.2888',
  hotlines: '069.367.2888',
  website: 'congan.cantho.gov.vn',
  zalo: null,
  fanpage: null,
  vneid: null,
};
const OPTIONS: LintOptions = { policy: 'auto', maxSegments: 3, allowedLinkDomains: ['gov.vn', 'bocongan.gov.vn'], provinces: [DAK_LAK, CAN_THO] };
const WARNING = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP cho người lạ. Liên hệ {{province.hotlines}} hoặc 113.';

const codes = (body: string, options: Partial<LintOptions> = {}) => lintTemplate(body, { ...OPTIONS, ...options }).map((finding) => finding.code);
const errors = (body: string, options: Partial<LintOptions> = {}) =>
  lintTemplate(body, { ...OPTIONS, ...options }).filter((finding) => finding.severity === 'error');

describe(lintTemplate.name, () => {
  it('finds no error in a national warning using each province hotline', () => {
    expect(errors(WARNING)).toEqual([]);
  });

  it('reports template errors with line and column and stops there', () => {
    expect(lintTemplate('Công an\n{{province.hotine}}', OPTIONS)).toEqual([
      expect.objectContaining({ severity: 'error', code: 'UNKNOWN_VARIABLE', line: 2, column: 3 }),
    ]);
    expect(codes('   ')).toEqual(['EMPTY']);
    expect(codes('{{#if province.name}}x')).toEqual(['SYNTAX']);
  });

  it('reports every unknown variable, not only the first', () => {
    expect(codes('{{a}} {{b}} {{shout province.name}}')).toEqual(['UNKNOWN_VARIABLE', 'UNKNOWN_VARIABLE', 'UNKNOWN_HELPER']);
  });

  it.each([
    ['https link', 'Xem https://bit.ly/abc ngay', 'bit.ly'],
    ['www link', 'Xem www.congan-daklak.com/otp', 'www.congan-daklak.com'],
    ['bare domain with a path', 'Xem canhbao.xyz/otp.', 'canhbao.xyz'],
    ['bare domain', 'Tra cứu tại dichvucong.com.', 'dichvucong.com'],
    ['look-alike of an allowed domain', 'Xem http://bocongan.gov.vn.evil.io/x', 'bocongan.gov.vn.evil.io'],
  ])('refuses a %s outside the allow-list', (_, body, host) => {
    const found = errors(body).filter((finding) => finding.code === 'LINK_NOT_ALLOWED');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(host);
    expect(found[0].province).toBeUndefined();
  });

  it.each([
    ['an allowed domain', 'Xem https://bocongan.gov.vn/canh-bao'],
    ['a subdomain of an allowed domain', 'Xem congan.daklak.gov.vn.'],
    ['the province website variable', 'Xem {{province.website}}'],
    ['numbers with dots, not a domain', 'Phạt 5.000.000 đồng, gọi 113.'],
  ])('accepts %s', (_, body) => {
    expect(codes(body).filter((code) => code === 'LINK_NOT_ALLOWED')).toEqual([]);
  });

  it('sees through zero-width and full-width look-alikes in links and numbers, and refuses invisible characters', () => {
    for (const disguised of ['Xem evil\u200b.com/login', 'Xem evil．com', 'Xem evil。com/login', 'Xem ｅｖｉｌ.com']) {
      expect(codes(disguised)).toContain('LINK_NOT_ALLOWED');
    }
    for (const disguised of ['Gọi 0912\u200b345678', 'Gọi ０９１２３４５６７８']) {
      expect(codes(disguised)).toContain('PHONE_NOT_HOTLINE');
    }
    expect(codes('Cảnh\u200bbáo')).toContain('INVISIBLE_CHARACTER');
    expect(errors(WARNING.normalize('NFD'))).toEqual([]);
  });

  it('refuses each invisible character written into the text with its place, not only as a UCS-2 note', () => {
    const found = lintTemplate('Goi 0912\u3164345678\nCanh bao\u034f\ufe0f', { ...OPTIONS, provinces: [] });
    expect(found.filter((finding) => finding.code === 'INVISIBLE_CHARACTER')).toEqual([
      expect.objectContaining({ severity: 'error', line: 1, column: 9, message: expect.stringContaining('U+3164 at line 1, column 9') }),
      expect.objectContaining({ severity: 'error', line: 2, column: 9, message: expect.stringContaining('U+034F') }),
      expect.objectContaining({ severity: 'error', line: 2, column: 10, message: expect.stringContaining('U+FE0F') }),
    ]);
    expect(found.map((finding) => finding.code)).not.toContain('UCS2_CHARACTER');
    expect(found).toContainEqual(expect.objectContaining({ code: 'PHONE_HARDCODED', message: expect.stringContaining('0912345678') }));
  });

  it.each([
    ['Công an {{province.name}} cảnh báo', 'Công an', 9],
    ['UBND {{ province.name }} đề nghị', 'UBND', 6],
    ['Ủy ban nhân dân {{province.name}}', 'Ủy ban nhân dân', 17],
    ['Sở Thông tin và Truyền thông {{province.name}}', 'Sở Thông tin và Truyền thông', 30],
    ['Cảnh báo.\nBộ Chỉ huy Quân sự {{{province.name}}}', 'Bộ Chỉ huy Quân sự', 20],
    ['Lưu ý: người dân tại {{province.name}} cần cảnh giác', 'người dân tại', 22],
  ])('warns about {{province.name}} mid-sentence (%s), naming {{province.unit}} and {{province.shortName}}', (body, words, column) => {
    const found = lintTemplate(body, OPTIONS).filter((finding) => finding.code === 'PROVINCE_NAME_MID_SENTENCE');
    expect(found).toEqual([
      expect.objectContaining({ severity: 'warning', column, message: expect.stringContaining(`"${words} tỉnh Sơn La": write {{province.unit}}`) }),
    ]);
    expect(found[0].message).toContain('{{province.shortName}}');
    expect(found[0].message.match(/ at line \d+, column \d+/g)).toHaveLength(1);
  });

  it.each([
    ['at the start', '{{province.name}} cảnh báo lừa đảo'],
    ['after a full stop and a line break', 'Cảnh báo lừa đảo.\n{{province.name}}: gọi 113'],
    ['after a colon', 'Đơn vị gửi: {{province.name}}'],
    ['after another placeholder', 'Gọi {{province.hotline}} {{province.name}}'],
    ['as the lower-case form', 'Công an {{province.unit}} cảnh báo'],
    ['as the short name', 'Công an tỉnh {{province.shortName}} cảnh báo'],
    ['inside a helper', 'Công an {{upper province.name}}'],
    ['inside a comment', 'Công an {{!-- {{province.name}} --}}tỉnh'],
  ])('does not warn about {{province.name}} %s', (_, body) => {
    expect(codes(body)).not.toContain('PROVINCE_NAME_MID_SENTENCE');
  });

  it('warns about a single-brace placeholder, naming the double-brace form', () => {
    const found = lintTemplate('Công an {province.name} cảnh báo, gọi { province.hotline }}, {tỉnh}, {x.y}', OPTIONS).filter(
      (finding) => finding.code === 'SINGLE_BRACES',
    );
    expect(found).toEqual([
      expect.objectContaining({ severity: 'warning', line: 1, column: 9, message: expect.stringContaining('write {{province.name}} to insert the value') }),
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('write {{province.hotline}}') }),
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('"{x.y}"') }),
    ]);
    expect(codes('Gọi {{province.hotline}} {{#if province.website}}{{province.website}}{{/if}}')).not.toContain('SINGLE_BRACES');
  });

  it('refuses a hotline written into the text for the province it does not belong to, naming both', () => {
    const found = errors('Liên hệ 0262.3818.568 hoặc 113.').filter((finding) => finding.code === 'PHONE_NOT_HOTLINE');
    expect(found).toEqual([expect.objectContaining({ province: '92', index: 8 })]);
    expect(found[0].message).toContain('0262.3818.568');
    expect(found[0].message).toContain('Cần Thơ');
  });

  it.each([
    ['mobile with spaces', 'Gọi 0912 345 678', '0912 345 678'],
    ['mobile with dashes', 'Gọi 0912-345-678', '0912-345-678'],
    ['+84 form', 'Gọi +84 912 345 678', '+84 912 345 678'],
    ['1900 line', 'Gọi 1900.1234', '1900.1234'],
    ['other short code', 'Gọi 111', '111'],
  ])('refuses an unofficial number: %s', (_, body, number) => {
    const found = errors(body).filter((finding) => finding.code === 'PHONE_NOT_HOTLINE');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(number);
    expect(found[0].message).toContain('all 2 provinces');
  });

  it.each([
    ['113, 114 and 115', 'Gọi 113, 114 hoặc 115.'],
    ['the hotline in +84 form', 'Gọi +84 262 3818 568.'],
    ['the hotline without punctuation', 'Gọi 02623818568.'],
    ['a date and a sum', 'Từ 24/02/2026, phạt 500.000 đồng.'],
  ])('accepts %s for Đắk Lắk', (_, body) => {
    expect(codes(body, { provinces: [DAK_LAK] }).filter((code) => code.startsWith('PHONE'))).toEqual([]);
  });

  it('warns about a number written into the text when no province is given', () => {
    expect(lintTemplate('Gọi 0262.3818.568', { ...OPTIONS, provinces: [] })).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'PHONE_HARDCODED' }),
    );
  });

  it('refuses more segments than allowed, per province', () => {
    const long = `${WARNING} ${'Cảnh giác. '.repeat(4)}`;
    expect(errors(long, { maxSegments: 2 })).toEqual([
      expect.objectContaining({ code: 'TOO_MANY_SEGMENTS', message: expect.stringContaining('3 UCS-2 segments (all 2 provinces); the limit is 2') }),
    ]);
    expect(errors(long, { maxSegments: 2, policy: 'ascii-fold' })).toEqual([]);
  });

  it('warns about each character forcing UCS-2 under auto, with its place', () => {
    const warnings = lintTemplate('Goi {{province.hotline}}\n– lừa', { ...OPTIONS, provinces: [] }).filter((finding) => finding.code === 'UCS2_CHARACTER');
    expect(warnings).toEqual([
      expect.objectContaining({ severity: 'warning', index: 25, line: 2, column: 1, message: expect.stringContaining('"–" (U+2013)') }),
      expect.objectContaining({ index: 28, line: 2, column: 4, message: expect.stringContaining('"ừ" (U+1EEB)') }),
    ]);
    expect(codes('Công an', { policy: 'unicode' })).toEqual([]);
  });

  it('warns when only a province value forces UCS-2', () => {
    const found = lintTemplate('CA {{province.name}}: goi {{province.hotline}}', OPTIONS).filter((finding) => finding.code === 'UCS2_VARIABLE');
    expect(found).toEqual([expect.objectContaining({ province: '66' }), expect.objectContaining({ province: '92' })]);
  });

  it('refuses under ascii-fold a character that cannot fold', () => {
    expect(errors('Cảnh báo 🚨 {{province.name}}', { policy: 'ascii-fold' })).toEqual([expect.objectContaining({ code: 'NOT_GSM', index: 9 })]);
  });

  describe('contacts a province has none of on record', () => {
    const SON_LA: TemplateProvince = { code: '14', name: 'Sơn La', hotline: null, hotlines: null, website: null, zalo: null, fanpage: null, vneid: null };
    const contacts = (body: string, provinces = [DAK_LAK, SON_LA, CAN_THO]) =>
      lintTemplate(body, { ...OPTIONS, provinces }).filter((finding) => finding.code === 'CONTACT_MISSING');

    it('refuses a printed hotline for the provinces with none, naming them, instead of printing 113', () => {
      expect(contacts(WARNING)).toEqual([
        expect.objectContaining({
          severity: 'error',
          provinces: ['14'],
          message: expect.stringContaining('{{province.hotlines}}: no police hotline on record for Sơn La (1 of 3 provinces)'),
        }),
      ]);
      expect(contacts('Gọi {{province.hotline}} hoặc xem {{province.zalo}}')).toEqual([
        expect.objectContaining({ provinces: ['14'], message: expect.stringContaining('{{province.hotline}}') }),
        expect.objectContaining({ provinces: ['66', '14', '92'], message: expect.stringContaining('no Zalo OA on record for Đắk Lắk, Sơn La, Cần Thơ') }),
      ]);
    });

    it('accepts a contact printed only {{#if}} it exists, or in the else of {{#unless}}', () => {
      expect(contacts('Xem {{#if province.fanpage}}{{province.fanpage}}{{else}}bocongan.gov.vn{{/if}}')).toEqual([]);
      expect(contacts('{{#unless province.hotline}}Gọi 113{{else}}Gọi {{upper province.hotline}}{{/unless}}')).toEqual([]);
      expect(contacts('{{#if province.hotline}}Gọi {{province.hotlines}}{{/if}}')).toEqual([]);
      expect(contacts('{{#if province.website}}Gọi {{province.hotline}}{{/if}}')).toHaveLength(1);
      expect(contacts('{{#unless province.hotline}}Gọi {{province.hotline}}{{/unless}}')).toHaveLength(1);
    });

    it('reports nothing when every province has the contact, and a warning when asked', () => {
      expect(contacts(WARNING, [DAK_LAK, CAN_THO])).toEqual([]);
      expect(lintTemplate(WARNING, { ...OPTIONS, provinces: [SON_LA], missingContacts: 'warning' })).toContainEqual(
        expect.objectContaining({ severity: 'warning', code: 'CONTACT_MISSING' }),
      );
    });

    it('accepts links to a Zalo OA or a fanpage once their domains are allowed', () => {
      const province = { ...DAK_LAK, zalo: 'zalo.me/4455667788', fanpage: 'facebook.com/congan.demo' };
      const body = 'Theo doi {{province.zalo}} hoac {{province.fanpage}}';
      expect(codes(body, { provinces: [province] })).toEqual(['LINK_NOT_ALLOWED', 'LINK_NOT_ALLOWED']);
      expect(codes(body, { provinces: [province], allowedLinkDomains: ['zalo.me', 'facebook.com'] })).toEqual([]);
    });
  });

  it("counts segments with each carrier's own concatenation and names the carriers over the limit", () => {
    // 306 septets: exactly 2 × 153 on udh8, 3 parts on udh16 and sar (2 × 152 < 306).
    const body = `CA {{province.name}}: ${'a'.repeat(306 - 'CA Đắk Lắk: '.length)}`;
    const carriers = [
      { carrier: 'viettel', concat: 'udh8', gsmCoding: 'gsm0338' },
      { carrier: 'vnpt', concat: 'udh16', gsmCoding: 'gsm0338' },
      { carrier: 'mobifone', concat: 'sar', gsmCoding: 'gsm0338' },
    ] as const;
    const found = errors(body, { provinces: [{ ...DAK_LAK, name: 'Dak Lak' }], maxSegments: 2, carriers });
    expect(found).toEqual([
      expect.objectContaining({
        code: 'TOO_MANY_SEGMENTS',
        message: 'Renders to 3 GSM segments on vnpt, 3 GSM segments on mobifone for Dak Lak; the limit is 2',
      }),
    ]);
    expect(errors(body, { provinces: [{ ...DAK_LAK, name: 'Dak Lak' }], maxSegments: 2, carriers: [carriers[0]] })).toEqual([]);
  });
});
