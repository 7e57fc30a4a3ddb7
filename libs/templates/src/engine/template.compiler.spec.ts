import { compileTemplate, renderTemplate } from './template.compiler';
import { type TemplateContext } from './template-variables';
import { TemplateError } from './template.exception';

const DAK_LAK: TemplateContext = {
  province: {
    code: '66',
    name: 'Đắk Lắk',
    hotline: '069.4389.211',
    hotlines: '069.4389.211 hoặc 0262.3818.568',
    website: 'congan.daklak.gov.vn',
    zalo: null,
    fanpage: null,
    vneid: null,
  },
  campaign: { name: 'Tết 2026', startDate: '20/01/2026', endDate: '24/02/2026' },
};

function thrown(body: string): TemplateError {
  try {
    compileTemplate(body);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

describe(compileTemplate.name, () => {
  it('renders every variable for a province, NFC, without HTML escaping', () => {
    const sut = compileTemplate(
      'CA {{province.name}} ({{province.code}}) & {{campaign.name}}: gọi {{province.hotline}}; {{province.hotlines}}; {{province.website}}; {{campaign.startDate}}-{{campaign.endDate}}',
    );
    expect(renderTemplate(sut, DAK_LAK)).toBe(
      'CA Đắk Lắk (66) & Tết 2026: gọi 069.4389.211; 069.4389.211 hoặc 0262.3818.568; congan.daklak.gov.vn; 20/01/2026-24/02/2026',
    );
  });

  it('normalises an NFD body and NFD values to NFC', () => {
    const sut = compileTemplate('Công an {{province.name}}'.normalize('NFD'));
    const nfdContext = { ...DAK_LAK, province: { ...DAK_LAK.province, name: 'Đắk Lắk'.normalize('NFD') } };
    expect(renderTemplate(sut, nfdContext)).toBe('Công an Đắk Lắk'.normalize('NFC'));
  });

  it('offers upper and lower (Vietnamese-aware), and if/unless blocks', () => {
    const sut = compileTemplate(
      '{{upper province.name}} {{lower "CẢNH BÁO"}}{{#if province.website}} {{province.website}}{{else}} -{{/if}}{{#unless campaign.endDate}} (không hạn){{/unless}}',
    );
    expect(renderTemplate(sut, DAK_LAK)).toBe('ĐẮK LẮK cảnh báo congan.daklak.gov.vn');
    expect(
      renderTemplate(sut, {
        ...DAK_LAK,
        province: { ...DAK_LAK.province, website: null, zalo: null, fanpage: null, vneid: null },
        campaign: { ...DAK_LAK.campaign, endDate: null },
      }),
    ).toBe('ĐẮK LẮK cảnh báo - (không hạn)');
  });

  it('reports which variables a template uses', () => {
    expect([...compileTemplate('{{province.name}} {{#if province.website}}{{province.website}}{{/if}}').variables]).toEqual([
      'province.name',
      'province.website',
    ]);
  });

  it.each([
    ['an empty body', '', 'EMPTY'],
    ['a blank body', '  \n\t ', 'EMPTY'],
    ['2,001 characters', 'x'.repeat(2001), 'TOO_LONG'],
  ])('refuses %s with %s', (_, body, code) => {
    expect(thrown(body)).toMatchObject({ code, line: undefined });
  });

  it('accepts a body of exactly 2,000 characters', () => {
    expect(() => compileTemplate('x'.repeat(2000))).not.toThrow();
  });

  it.each([
    ['an unclosed mustache on line 2', 'Công an tỉnh\nGọi {{province.hotline', 2, 5],
    ['an unclosed block on line 2', 'Công an tỉnh\n{{#if province.website}} xem', 2, 29],
    ['a stray closing block', 'Gọi ngay {{/if}}', 1, 10],
    ['mismatched block names on line 2', 'Công an\nA {{#if province.website}}x{{/unless}}', 2, 6],
  ])('refuses %s with SYNTAX, line and column', (_, body, line, column) => {
    const sut = thrown(body);
    expect(sut).toMatchObject({ code: 'SYNTAX', line, column });
    expect(sut.message).toContain(`line ${line}, column ${column}`);
  });

  it.each([
    ['a syntax error', 'Dòng một\nLiên hệ {{province.hotline'],
    ['an unknown variable', 'Gọi {{province.hotine}}'],
  ])('says the place of %s once', (_, body) => {
    expect(thrown(body).message.match(/ at line \d+, column \d+/g)).toHaveLength(1);
  });

  it.each([
    ['a misspelt variable', 'Gọi {{province.hotine}}', 1, 7, 'UNKNOWN_VARIABLE'],
    ['a variable on line 3', 'a\nb\n  {{campaign.owner}}', 3, 5, 'UNKNOWN_VARIABLE'],
    ['a whole object', '{{province}}', 1, 3, 'UNKNOWN_VARIABLE'],
    ['a prototype property', '{{province.constructor}}', 1, 3, 'UNKNOWN_VARIABLE'],
    ['__proto__', '{{__proto__.polluted}}', 1, 3, 'UNKNOWN_VARIABLE'],
    ['a parent path', '{{#if province.name}}{{../province.name}}{{/if}}', 1, 24, 'UNKNOWN_VARIABLE'],
    ['@root data', '{{@root.province.name}}', 1, 3, 'UNKNOWN_VARIABLE'],
    ['an unknown variable inside a helper call', '{{upper province.hotine}}', 1, 9, 'UNKNOWN_VARIABLE'],
    ['an unknown helper', '{{shout province.name}}', 1, 1, 'UNKNOWN_HELPER'],
    ['the built-in each', '{{#each province}}x{{/each}}', 1, 1, 'UNKNOWN_HELPER'],
    ['the built-in lookup', '{{lookup province "name"}}', 1, 1, 'UNKNOWN_HELPER'],
    ['the built-in log', '{{log "x"}}', 1, 1, 'UNKNOWN_HELPER'],
    ['a partial', 'x {{> footer}}', 1, 3, 'UNKNOWN_HELPER'],
  ])('refuses %s at compile time with its location', (_, body, line, column, code) => {
    expect(thrown(body)).toMatchObject({ code, line, column });
  });

  it('accepts this.province.name as province.name', () => {
    expect(renderTemplate(compileTemplate('{{this.province.name}}'), DAK_LAK)).toBe('Đắk Lắk');
  });
});

describe(renderTemplate.name, () => {
  const body = 'CA {{province.name}} & <{{campaign.endDate}}> {{this.province.hotline}}\n{{province.website}}';
  // A trailing comment sends the same body through Handlebars' runtime instead of plain concatenation.
  const viaHandlebars = (text: string) => compileTemplate(`${text}{{! via Handlebars }}`);

  it.each([
    ['every value', DAK_LAK],
    [
      'null values',
      {
        ...DAK_LAK,
        province: { ...DAK_LAK.province, website: null, zalo: null, fanpage: null, vneid: null },
        campaign: { ...DAK_LAK.campaign, endDate: null },
      },
    ],
  ])('renders %s the same with or without the plain-text fast path', (_, context) => {
    expect(renderTemplate(compileTemplate(body), context)).toBe(renderTemplate(viaHandlebars(body), context));
  });

  it('throws on a missing property on both paths, as strict mode does', () => {
    const broken = { ...DAK_LAK, province: { name: 'X' } } as unknown as TemplateContext;
    expect(() => renderTemplate(compileTemplate(body), broken)).toThrow(/not defined/);
    expect(() => renderTemplate(viaHandlebars(body), broken)).toThrow(/not defined/);
  });
});
