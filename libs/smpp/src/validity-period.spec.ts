import { relativeValidityPeriod } from './validity-period';

describe(relativeValidityPeriod.name, () => {
  it.each([
    [24, '000001000000000R'],
    [6, '000000060000000R'],
    [49.5, '000002013000000R'],
    [0, ''],
    [undefined, ''],
  ])('%s hours -> "%s"', (hours, expected) => {
    expect(relativeValidityPeriod(hours)).toBe(expected);
  });
});
