import { DomainError } from '@loa/common';
import { ProvinceDirectory } from './province-directory';
import { provinceKey } from './province-key';
import { loadProvincesConfig } from './provinces-config';

describe(ProvinceDirectory.name, () => {
  const sut = new ProvinceDirectory();

  it('holds the 34 current units and the 63 legacy ones', () => {
    expect(sut.all()).toHaveLength(34);
    expect(sut.legacy()).toHaveLength(63);
  });

  it('resolves a bare code as a current code, with or without the leading zero', () => {
    expect(sut.resolve('92').province.shortName).toBe('Cần Thơ');
    expect(sut.resolve('1').province.code).toBe('01');
    // 15 was Yên Bái before 2025; bare, it is today's Lào Cai.
    expect(sut.resolve('15')).toEqual({ province: expect.objectContaining({ code: '15', shortName: 'Lào Cai' }) });
  });

  it.each(['Thành phố Cần Thơ', 'Cần Thơ', 'can tho', 'CAN THO', 'can-tho', 'TP Cần Thơ'])('resolves the current name "%s"', (input) => {
    expect(sut.resolve(input)).toEqual({ province: expect.objectContaining({ code: '92' }) });
  });

  it.each([
    ['Hậu Giang', '92', '93'],
    ['Sóc Trăng', '92', '94'],
    ['Tỉnh Hà Giang', '08', '02'],
    ['Bà Rịa-Vũng Tàu', '79', '77'],
    ['Hoà Bình', '25', '17'],
    ['Hòa Bình', '25', '17'],
  ])('maps the legacy name "%s" to %s and says so', (input, code, legacyCode) => {
    const found = sut.resolve(input);
    expect(found.province.code).toBe(code);
    expect(found.mappedFrom?.code).toBe(legacyCode);
  });

  it('accepts NFC and NFD and both tone-mark placements', () => {
    for (const name of ['Thanh Hóa', 'Thanh Hoá', 'Hậu Giang', 'Đắk Lắk']) {
      const nfc = sut.resolve(name.normalize('NFC'));
      expect(sut.resolve(name.normalize('NFD'))).toEqual(nfc);
    }
    expect(sut.resolve('Thanh Hoá').province.code).toBe('38');
    expect(sut.resolve('Thanh Hóa').province.code).toBe('38');
    expect(sut.resolve('Khánh Hoà').province.code).toBe('56');
  });

  it('accepts a legacy code only when marked as legacy', () => {
    expect(sut.resolve('legacy:93')).toEqual({ province: expect.objectContaining({ code: '92' }), mappedFrom: { code: '93', name: 'Hậu Giang' } });
    expect(sut.resolve('cũ:15').province.code).toBe('15');
    expect(sut.resolve('cũ:15').mappedFrom).toEqual({ code: '15', name: 'Yên Bái' });
    expect(sut.resolve('LEGACY : 87').province.code).toBe('82');
    expect(() => sut.resolve('93')).toThrow(DomainError);
  });

  it('refuses an unknown input, naming it', () => {
    expect(() => sut.resolve('Atlantis')).toThrow(/Atlantis/);
    expect(() => sut.resolve('legacy:99')).toThrow(/legacy:99/);
    expect(() => sut.resolve('')).toThrow(DomainError);
  });

  it('finds no key collision between different units among the 34 + 63 names and aliases', () => {
    const config = loadProvincesConfig();
    const targets = new Map<string, Set<string>>();
    const add = (name: string, code: string) => targets.set(provinceKey(name), (targets.get(provinceKey(name)) ?? new Set()).add(code));
    config.provinces.forEach((p) => [p.name, p.shortName, p.slug, ...p.aliases].forEach((n) => add(n, p.code)));
    config.legacyProvinces.forEach((l) => [l.name, l.shortName, l.slug, ...l.aliases].forEach((n) => add(n, l.mergedInto)));
    const collisions = [...targets].filter(([, codes]) => codes.size > 1);
    expect(collisions).toEqual([]);
    // Every legacy short name resolves to the unit it merged into.
    for (const legacy of config.legacyProvinces) expect(sut.resolve(legacy.shortName).province.code).toBe(legacy.mergedInto);
  });

  it('carries the known police hotlines', () => {
    expect(sut.get('66').policeHotlines).toEqual(['069.4389.211', '0262.3818.568']);
    expect(sut.get('92').policeHotlines).toEqual(['069.367.2888']);
  });
});
