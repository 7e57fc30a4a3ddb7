import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorKey, vietnameseError } from '../src/errors/catalog';

const read = (path: string) => readFileSync(join(process.cwd(), path), 'utf8');

describe("the catalog's entries for the admin screens", () => {
  it('says every password rule the API can refuse in Vietnamese', () => {
    const union = /export type PasswordRule = ([^;]+);/.exec(read('libs/auth/src/password-policy.ts'))![1];
    const rules = [...union.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]);
    expect(rules).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_CONTAINS_USERNAME', 'PASSWORD_TOO_GUESSABLE']);
    for (const rule of rules) {
      const error = { statusCode: 400, error: 'INVALID', message: `password: ${rule}`, details: { field: 'password', rule } };
      expect(errorKey(error)).toBe(`INVALID.${rule}`);
      expect(vietnameseError(error)).toMatch(/^Mật khẩu /);
    }
  });

  it('says a taken username, and names the refused fields of a form in Vietnamese', () => {
    expect(vietnameseError({ statusCode: 409, error: 'CONFLICT', message: 'username a is taken', details: { field: 'username' } })).toBe(
      'Tên đăng nhập này đã có người dùng; hãy chọn tên khác.',
    );
    const fields = [
      { field: 'policeHotlines', message: 'each hotline must be 113 or a Vietnamese number like 069.367.2888' },
      { field: 'policeHotlines.1', message: 'each hotline must be 113 or a Vietnamese number like 069.367.2888' },
      { field: 'website', message: 'website must be a URL address' },
    ];
    const error = { statusCode: 400, error: 'INVALID', message: 'policeHotlines.0: …', details: { fields } };
    expect(errorKey(error)).toBe('INVALID.FIELDS');
    expect(vietnameseError(error)).toBe('Dữ liệu chưa hợp lệ ở: Đường dây nóng, Trang web. Vui lòng kiểm tra lại (chi tiết kỹ thuật bên dưới).');
  });
});
