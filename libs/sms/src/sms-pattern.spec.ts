import { matchesPattern, patternMismatch, patternText, type TextPattern } from './sms-pattern';

const WARNING: TextPattern = {
  parts: [{ fixed: 'Công an ' }, { slot: 'P1', maxLength: 21 }, { fixed: ' cảnh báo: gọi ' }, { slot: 'P2', maxLength: 12 }, { fixed: '.' }],
};

describe(matchesPattern.name, () => {
  it.each([
    ['Công an tỉnh Sơn La cảnh báo: gọi 069.4389.211.', true],
    ['Công an thành phố Hồ Chí Minh cảnh báo: gọi 113.', true],
    ['Công an  cảnh báo: gọi .', true],
    ['Công an tỉnh Sơn La cảnh báo: gọi 069.4389.211', false],
    ['Công an tỉnh Sơn La khuyến cáo: gọi 113.', false],
    ['Công an tỉnh Sơn La cảnh báo: gọi 069.4389.211 hoặc 113.', false],
  ])('%s -> %s', (text, expected) => {
    expect(matchesPattern(WARNING, text)).toBe(expected);
  });

  it('takes the start of a long message as a prefix, inside fixed text or a slot', () => {
    expect(matchesPattern(WARNING, 'Công an tỉnh Sơn La cảnh', { prefix: true })).toBe(true);
    expect(matchesPattern(WARNING, 'Công an tỉnh Sơ', { prefix: true })).toBe(true);
    expect(matchesPattern(WARNING, 'Cong an tinh', { prefix: true })).toBe(false);
  });
});

describe(patternMismatch.name, () => {
  it('names the slot whose value is too long', () => {
    expect(patternMismatch(WARNING, 'Công an tỉnh Sơn La cảnh báo: gọi 069.4389.211 hoặc 113.')).toEqual({
      kind: 'slot-overflow',
      slot: 'P2',
      length: 21,
      maxLength: 12,
    });
  });

  it('says no-match when fixed text differs, and null when the text matches', () => {
    expect(patternMismatch(WARNING, 'Khác hẳn')).toEqual({ kind: 'no-match' });
    expect(patternMismatch(WARNING, 'Công an tỉnh Sơn La cảnh báo: gọi 113.')).toBeNull();
  });
});

describe(patternText.name, () => {
  it('writes slots as {P1}, {P2}', () => {
    expect(patternText(WARNING)).toBe('Công an {P1} cảnh báo: gọi {P2}.');
  });
});
