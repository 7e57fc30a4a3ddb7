import { vietnamTimesInJson } from './vietnam-json';

const NEW_YEAR_IN_VIETNAM = new Date('2025-12-31T17:00:00.000Z');

describe('vietnamTimesInJson', () => {
  it('writes every Date as ISO 8601 in +07:00, at any depth, in arrays and alone', () => {
    const sut = (value: unknown) => JSON.parse(JSON.stringify(value, vietnamTimesInJson));
    expect(sut({ startAt: NEW_YEAR_IN_VIETNAM, rows: [{ at: NEW_YEAR_IN_VIETNAM }], list: [NEW_YEAR_IN_VIETNAM] })).toEqual({
      startAt: '2026-01-01T00:00:00.000+07:00',
      rows: [{ at: '2026-01-01T00:00:00.000+07:00' }],
      list: ['2026-01-01T00:00:00.000+07:00'],
    });
    expect(sut(NEW_YEAR_IN_VIETNAM)).toBe('2026-01-01T00:00:00.000+07:00');
  });

  it('leaves strings that look like times, numbers and nulls as they are, and an invalid Date null', () => {
    const sut = JSON.stringify({ typed: '2025-12-31T17:00:00.000Z', n: 1, none: null, invalid: new Date(Number.NaN) }, vietnamTimesInJson);
    expect(JSON.parse(sut)).toEqual({ typed: '2025-12-31T17:00:00.000Z', n: 1, none: null, invalid: null });
  });
});
