import { DomainError } from '@loa/common';
import { ProvinceDirectory } from '@loa/provinces';
import { parseProvinceScope } from './admin.command';

describe('loa user add --provinces', () => {
  const directory = new ProvinceDirectory();

  it('takes current codes, names and legacy units, as current codes without repeats', () => {
    expect(parseProvinceScope('14, 92', directory)).toEqual(['14', '92']);
    expect(parseProvinceScope('Cần Thơ,92,Sóc Trăng', directory)).toEqual(['92']);
  });

  it.each([
    ['an unknown code', '14,zz', /--provinces: unknown province "zz"/],
    ['nothing at all', ' , ', /--provinces: give at least one province/],
  ])('refuses %s, before anything is saved', (_name, list, message) => {
    expect(() => parseProvinceScope(list, directory)).toThrow(DomainError);
    expect(() => parseProvinceScope(list, directory)).toThrow(message);
  });
});
