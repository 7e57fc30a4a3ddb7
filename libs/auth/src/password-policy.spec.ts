import { DomainError } from '@loa/common';
import { assertAcceptablePassword, passwordProblem } from './password-policy';

describe(passwordProblem.name, () => {
  it.each([
    ['12345678', 'PASSWORD_TOO_SHORT'],
    ['password', 'PASSWORD_TOO_SHORT'],
    [' '.repeat(8), 'PASSWORD_TOO_SHORT'],
    ['loa-demo', 'PASSWORD_TOO_SHORT'],
    ['truc-ban-14', 'PASSWORD_CONTAINS_USERNAME'],
    ['TRUC-BAN-14-nam-2026', 'PASSWORD_CONTAINS_USERNAME'],
    ['1234567890', 'PASSWORD_TOO_GUESSABLE'],
    ['password123', 'PASSWORD_TOO_GUESSABLE'],
    ['Password123!', 'PASSWORD_TOO_GUESSABLE'],
    [' '.repeat(12), 'PASSWORD_TOO_GUESSABLE'],
    ['qwertyuiop', 'PASSWORD_TOO_GUESSABLE'],
    ['aaaaaaaaaaaaaaaa', 'PASSWORD_TOO_GUESSABLE'],
  ])('refuses %j for truc-ban-14 (%s)', async (password, rule) => {
    expect((await passwordProblem(password, 'truc-ban-14'))?.rule).toBe(rule);
  });

  it.each(['Hoa-sen-ven-song-2026', 'mat-khau-dak-lak', 'Đèn đỏ trên cầu Rồng 7', 'correct horse battery staple'])('accepts %j', async (password) => {
    expect(await passwordProblem(password, 'truc-ban-14')).toBeNull();
  });

  it('refuses with a 400 naming the field and the rule, in English and Vietnamese', async () => {
    const thrown: unknown = await assertAcceptablePassword('12345678', 'demo-admin').catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'INVALID', details: { field: 'password', rule: 'PASSWORD_TOO_SHORT' } });
    expect((thrown as Error).message).toMatch(/^password: at least 10 characters \(mật khẩu phải có ít nhất 10 ký tự\)$/);
  });
});
