import { loadDefaults } from '@loa/config';
import { lintTemplate, type LintOptions } from './template.linter';
import { type TemplateProvince } from './template-variables';
import { WARNING_TEXTS } from './warning-texts.fixture';

const DAK_LAK: TemplateProvince = {
  code: '66',
  name: 'Đắk Lắk',
  shortName: 'Đắk Lắk',
  unit: 'tỉnh Đắk Lắk',
  hotline: '069.4389.211',
  hotlines: '069.4389.211 hoặc 0262.3818.568',
  website: 'congan.daklak.gov.vn',
  zalo: 'zalo.me/congan.daklak',
  fanpage: 'facebook.com/congan.daklak',
  vneid: 'mục "Cảnh báo thủ đoạn tội phạm" trên VNeID',
};
const CAN_THO: TemplateProvince = {
  ...DAK_LAK,
  code: '92',
  name: 'Cần Thơ',
  shortName: 'Cần Thơ',
  unit: 'thành phố Cần Thơ',
  hotline: '069.367.2888',
  hotlines: '069.367.2888',
  website: 'congan.cantho.gov.vn',
};
const OPTIONS: LintOptions = {
  policy: 'auto',
  maxSegments: 10,
  allowedLinkDomains: [...loadDefaults().allowedLinkDomains, 'congan.daklak.gov.vn', 'congan.cantho.gov.vn'],
  provinces: [DAK_LAK, CAN_THO],
};
const CAMPAIGN = { name: 'Cảnh báo lừa đảo dịp Tết', startDate: '20/01/2026', endDate: '24/02/2026' };

/** The codes lint reports for this body, and for the same text given as the campaign's name. */
function codesInBodyAndName(text: string, options: Partial<LintOptions> = {}): { body: string[]; name: string[] } {
  const codes = (body: string, campaign = CAMPAIGN) => lintTemplate(body, { ...OPTIONS, ...options, campaign }).map((finding) => finding.code);
  return { body: codes(`CA canh bao: ${text}`), name: codes('{{campaign.name}}: gọi {{province.hotline}}', { ...CAMPAIGN, name: text }) };
}

describe('lint reads texts as a phone shows them', () => {
  it.each([
    'SDT:0912345678',
    '(+84)912345678',
    '(+84) 912 345 678',
    '+84(0)912345678',
    '(084)912345678',
    '(84)912345678',
    '084 912 345 678',
    '0084912345678',
    '84912345678',
    '+84.912.345.678',
    'Zalo0912345678',
    'tel:0912345678',
    '0912.345.678',
    '0912-345-678',
    '0912 345 678',
    '(0912) 345-678',
    '０９１２３４５６７８',
    '0912\u3164345678',
    '0912\u034f345\ufe0f678',
    '1900.1234',
    '1800 1234',
    '111',
  ])('flags the unofficial number %s, in the body and in the campaign name', (dress) => {
    const found = codesInBodyAndName(dress);
    expect(found.body).toContain('PHONE_NOT_HOTLINE');
    expect(found.name).toContain('PHONE_NOT_HOTLINE');
  });

  it.each([
    'http://16909060/x',
    'https://3232235777',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://[::1]/',
    'http://127.0.0.1/',
    '127.0.0.1/login',
    '[::1]/x',
    'evil.com/x',
    'bit.ly/abc',
    'evil\u200b.com/x',
  ])('flags the link %s, in the body and in the campaign name', (link) => {
    const found = codesInBodyAndName(`xem ${link} ngay`);
    expect(found.body).toContain('LINK_NOT_ALLOWED');
    expect(found.name).toContain('LINK_NOT_ALLOWED');
  });

  it.each(['3164', '034F', 'FE0F', '200B', '200F', '2060', '2064', 'FEFF', '180E', '115F', '1160', 'FE00', 'E0100', '00AD'])(
    'flags the invisible character U+%s as an error of its own, in the body and in the campaign name',
    (codePoint) => {
      const found = codesInBodyAndName(`Canh${String.fromCodePoint(parseInt(codePoint, 16))} giac`);
      expect(found.body).toContain('INVISIBLE_CHARACTER');
      expect(found.body).not.toContain('UCS2_CHARACTER');
      expect(found.name).toContain('INVISIBLE_CHARACTER');
    },
  );

  it.each([
    '069.4389.211',
    '(+84) 262 3818 568',
    '+84(0)262.3818.568',
    '(084)2623818568',
    '+84 69 4389 211',
    'SDT:0262.3818.568',
    'tel:02623818568',
    'Zalo0694389211',
    '113',
    '114 hoặc 115',
  ])("accepts Đắk Lắk's own hotline or an emergency number written as %s", (dress) => {
    const codes = lintTemplate(`Công an cảnh báo: gọi ${dress}.`, { ...OPTIONS, provinces: [DAK_LAK] }).map((finding) => finding.code);
    expect(codes).not.toContain('PHONE_NOT_HOTLINE');
  });

  it('checks the values each province fills in: a hotline or website of another province is flagged for it alone', () => {
    const findings = lintTemplate('Gọi {{province.hotline}}, xem {{province.website}}', {
      ...OPTIONS,
      provinces: [DAK_LAK, { ...CAN_THO, hotline: 'Zalo\u31640912345678', website: 'http://3232235777/' }],
    });
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'INVISIBLE_CHARACTER', province: '92', message: expect.stringContaining('{{province.hotline}} for Cần Thơ') }),
      expect.objectContaining({ code: 'LINK_NOT_ALLOWED', province: '92', message: expect.stringContaining('192.168.1.1') }),
    ]);
  });

  it(`finds nothing wrong in ${WARNING_TEXTS.length} real warning texts`, () => {
    expect(WARNING_TEXTS.length).toBeGreaterThanOrEqual(50);
    const wrong = WARNING_TEXTS.flatMap(({ text, province }) => {
      const provinces = province === '66' ? [DAK_LAK] : province === '92' ? [CAN_THO] : [DAK_LAK, CAN_THO];
      const findings = lintTemplate(text, { ...OPTIONS, provinces, campaign: CAMPAIGN });
      return findings.filter((finding) => !finding.code.startsWith('UCS2_')).map((finding) => `${text}: ${finding.message}`);
    });
    expect(wrong).toEqual([]);
  });
});
