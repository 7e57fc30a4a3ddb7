import { dailyWindow, LIFTED_WINDOW } from './send-window';
import { resolveSendLimits } from './send-limit-overrides';

describe('resolveSendLimits', () => {
  const defaultWindow = dailyWindow('07:00', '21:00');
  const URGENT = 'Bão số 3 đổ bộ trong đêm';

  it('gives the default window and the cap without asking for a reason', () => {
    expect(resolveSendLimits({}, defaultWindow)).toEqual({ sendWindow: defaultWindow, dailyCapLifted: false, overrides: [] });
  });

  it('lets a campaign narrow its window without a reason', () => {
    expect(resolveSendLimits({ windowStart: '08:00', windowEnd: '20:00' }, defaultWindow).overrides).toEqual([]);
  });

  it.each([
    [{ windowStart: '06:30', windowEnd: '20:00' }, /send window 06:30–20:00 opens outside the default 07:00–21:00/],
    [{ windowStart: '20:00', windowEnd: '08:00' }, /opens outside the default/],
    [{ windowLifted: true }, /send window lifted/],
    [{ dailyCapLifted: true }, /daily cap per subscriber lifted/],
  ])('asks a reason for an override (%o)', (request, message) => {
    expect(() => resolveSendLimits(request, defaultWindow)).toThrow(message);
    expect(resolveSendLimits({ ...request, overrideReason: 'Bão số 3 đổ bộ trong đêm' }, defaultWindow).overrides).toHaveLength(1);
  });

  it.each(['x', 'Bão số 3', 'x'.repeat(20), '1234567890123456'])('refuses %j as the reason for an override, naming the rule', (overrideReason) => {
    expect(() => resolveSendLimits({ windowLifted: true, overrideReason }, defaultWindow)).toThrow(/^overrideReason: .*(15 ký tự|lặp lại|bằng chữ)/);
  });

  it('refuses a half-given or contradictory window', () => {
    expect(() => resolveSendLimits({ windowStart: '08:00' }, defaultWindow)).toThrow(/give both/);
    expect(() => resolveSendLimits({ windowLifted: true, windowStart: '08:00', windowEnd: '09:00', overrideReason: URGENT }, defaultWindow)).toThrow(
      /a lifted window has no windowStart/,
    );
    expect(resolveSendLimits({ windowLifted: true, overrideReason: URGENT }, defaultWindow).sendWindow).toEqual(LIFTED_WINDOW);
  });
});
