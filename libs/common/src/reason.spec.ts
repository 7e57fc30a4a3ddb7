import { MIN_REASON_LENGTH, reasonProblem } from './reason';

describe(reasonProblem.name, () => {
  it.each([
    ['x', 'REASON_TOO_SHORT'],
    ['Cảnh báo khẩn', 'REASON_TOO_SHORT'],
    ['   Bão số 3     ', 'REASON_TOO_SHORT'],
    ['x'.repeat(40), 'REASON_REPEATED'],
    ['x x x x x x x x x x', 'REASON_REPEATED'],
    ['abababababababababab', 'REASON_REPEATED'],
    ['ĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐ', 'REASON_REPEATED'],
    ['1234567890123456', 'REASON_NO_WORDS'],
    ['-.-.-+-.-.-+-.-.-+', 'REASON_NO_WORDS'],
  ])('refuses %j (%s)', (reason, rule) => {
    expect(reasonProblem(reason)?.rule).toBe(rule);
  });

  it.each(['Bão số 3 đổ bộ trong đêm', 'Cảnh báo khẩn: lũ quét', 'test: not about send windows', 'đo kế hoạch gửi'])('accepts %j', (reason) => {
    expect(reasonProblem(reason)).toBeNull();
  });

  it('counts characters, not UTF-16 units, and says the rule in Vietnamese too', () => {
    expect(reasonProblem('🚨'.repeat(MIN_REASON_LENGTH - 1))?.message).toMatch(/ít nhất 15 ký tự/);
  });
});
