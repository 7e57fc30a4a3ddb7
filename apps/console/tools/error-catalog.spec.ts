import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DETAIL_CODES, DETAIL_MESSAGES, ERROR_MESSAGES, errorKey, LINT_MESSAGES, TEMPLATE_ERRORS, vietnameseError } from '../src/errors/catalog';

const root = process.cwd();
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Every .ts source (not specs) under a folder. */
function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => read(join(folder, file)));
}

const matches = (texts: string[], pattern: RegExp) => [...new Set(texts.flatMap((text) => [...text.matchAll(pattern)].map((match) => match[1])))];

describe("the console's Vietnamese error catalog", () => {
  it('has an entry for every coarse code the API answers', () => {
    const document = JSON.parse(read('apps/api/openapi.json'));
    const documented: string[] = document.components.schemas.Error.properties.error.enum;
    // HttpExceptions answer with their status's name (429 TOO_MANY_REQUESTS, 413 PAYLOAD_TOO_LARGE…).
    const httpStatuses = matches([...sources('apps/api/src'), ...sources('libs')], /HttpStatus\.([A-Z_]+)/g);
    const missing = [...documented, ...httpStatuses].filter((code) => !ERROR_MESSAGES[code]);
    expect(documented.length).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });

  it('names every lint finding and template error in Vietnamese', () => {
    const engine = sources('libs/templates/src/engine');
    const lintCodes = matches(engine, /code: '([A-Z_0-9]+)'/g);
    const templateCodes = matches([read('libs/templates/src/engine/template.exception.ts')], /'([A-Z_]+)'/g);
    expect(lintCodes).toContain('TOO_MANY_SEGMENTS');
    expect(lintCodes.filter((code) => !LINT_MESSAGES[code])).toEqual([]);
    expect(templateCodes.filter((code) => !TEMPLATE_ERRORS[code])).toEqual([]);
  });

  it('names every reason code an answer carries in its details (code or rule)', () => {
    const codes = matches([...sources('apps/api/src'), ...sources('libs')], /(?:code|rule): '([A-Z][A-Z_0-9]+)'/g);
    const known = (code: string) => Boolean(DETAIL_CODES[code] ?? LINT_MESSAGES[code] ?? TEMPLATE_ERRORS[code] ?? DETAIL_MESSAGES[`INVALID.${code}`]);
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((code) => !known(code))).toEqual([]);
    const lapsed = {
      statusCode: 409,
      error: 'CONFLICT',
      message: 'the brandname certificate…',
      details: { code: 'CERTIFICATE_LAPSED', carrier: 'vnpt', validTo: '2026-12-20' },
    };
    expect(vietnameseError(lapsed)).toBe(
      'Chứng nhận tên định danh (brandname) của nhà mạng VNPT (VinaPhone) hết hạn sau ngày 20/12/2026, trước khi chiến dịch gửi xong.',
    );
    const unregistered = { ...lapsed, details: { code: 'TEMPLATE_NOT_REGISTERED', carrier: 'vnpt', carriers: ['vnpt', 'mobifone'] } };
    expect(vietnameseError(unregistered)).toMatch(/^Mẫu tin chưa được đăng ký với nhà mạng VNPT \(VinaPhone\), MobiFone; /);
  });

  it('renders a missed report deadline with its figures and Vietnamese time, not the English', () => {
    const error = {
      statusCode: 409,
      error: 'CONFLICT',
      message: 'campaign 7 cannot reach everyone before its report deadline 2026-12-10T10:00:00.000Z: …',
      details: { estimatedFinishAt: '2026-12-11T01:30:00.000Z', unsentAtDeadline: 17466, messages: 40000 },
    };
    expect(errorKey(error)).toBe('CONFLICT.DEADLINE_MISS');
    expect(vietnameseError(error)).toBe(
      'Chiến dịch không kịp hạn báo cáo: 17.466 / 40.000 thuê bao chưa nhận được tin khi đến hạn (dự kiến gửi xong lúc 08:30 11/12/2026). ' +
        'Muốn vẫn duyệt, hãy chọn "Chấp nhận trễ hạn" và ghi rõ lý do.',
    );
    expect(DETAIL_MESSAGES['FORBIDDEN.PROVINCES']({ statusCode: 403, error: 'FORBIDDEN', message: '', details: { provinces: ['92'] } })).toContain('92');
  });
});
