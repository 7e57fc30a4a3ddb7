import fc from 'fast-check';

/** The parts of an OpenAPI 3 schema the fuzz reads. */
export interface Schema {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  items?: Schema;
  example?: unknown;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
}

/** Objects that exist in the database under fuzz: a valid value names one of them. */
export interface FuzzContext {
  ids: { templates: number[]; campaigns: number[]; programmes: number[]; users: number[]; imports: number[] };
  /** Subscriber, excluded and test numbers, as a person types them. */
  msisdns: string[];
  provinces: string[];
}

// NUL, other C0, DEL, C1 and a right-to-left override: no text Loa keeps has them.
export const CONTROL_CHARACTERS = ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u202e'];

/** Text that looks like something else to a reader, a normaliser or a UTF-16 decoder. */
export const UNICODE_TRICKS = [
  'Công an tỉnh Sơn La cảnh báo lừa đảo'.normalize('NFD'),
  'Điện Biên'.normalize('NFD'),
  '👨\u200d👩\u200d👧 gia đình',
  'Sơn\u200bLa',
  '\u200d14',
  '\ufeff14',
  '🚨 Cảnh báo khẩn 🚨',
  'cắt đôi \ud83d',
  '\udc00 nửa sau',
  '\u202e14',
  '０９１２３４５６７８',
  '\u3164',
  'a' + '\u0301'.repeat(64),
  'khoảng\u00a0trắng',
  'dòng\u2028mới',
  'İıſK',
  '\u{10ffff}\ufffe',
];

/** 100 kB: past the JSON body limit (a 413); 90 kB of three-byte letters: just under it, so the validators read it. */
export const HUGE_TEXTS = ['a'.repeat(100_000), 'ệ'.repeat(30_000), '9'.repeat(100_000)];

const VIETNAMESE_TEXTS = [
  'Công an tỉnh Điện Biên cảnh báo: không cung cấp mã OTP cho bất kỳ ai',
  'Thiếu số đường dây nóng của tỉnh',
  'Cảnh báo lừa đảo trực tuyến',
  'Bão số 3 đổ bộ trong đêm: cảnh báo khẩn',
];

function withControl(text: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...CONTROL_CHARACTERS), fc.nat({ max: text.length }))
    .map(([character, at]) => text.slice(0, at) + character + text.slice(at));
}

/** A valid value of this schema, taken from the schema alone (enum, bounds, example). */
export function schemaValue(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'number':
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schemaValue(schema.items ?? {}), { minLength: 1, maxLength: 3 });
    default: {
      const minLength = schema.minLength ?? 1;
      const texts = [fc.string({ minLength, maxLength: Math.max(minLength, 40) }), fc.constantFrom(...VIETNAMESE_TEXTS)];
      if (schema.example === undefined) return fc.oneof(...texts);
      return fc.oneof({ weight: 4, arbitrary: fc.constant(schema.example) }, { weight: 1, arbitrary: fc.oneof(...texts) });
    }
  }
}

/** Values at and just past the edges the schema states (and those every number and text has). */
export function boundaryValue(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.type === 'number' || schema.type === 'integer') {
    const edges = [0, -1, 1.5, -0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 2 ** 31, 2 ** 63];
    for (const bound of [schema.minimum, schema.maximum]) if (bound !== undefined) edges.push(bound, bound - 1, bound + 1);
    return fc.constantFrom(...edges);
  }
  if (schema.type === 'array')
    return fc.constantFrom(
      [],
      Array.from({ length: 1000 }, () => (schema.items?.type === 'string' ? '14' : 1)),
    );
  if (schema.type === 'boolean') return fc.constantFrom(true, false);
  const edges = ['', ' ', '\t', '\n', 'x'];
  for (const length of [schema.minLength, schema.maxLength])
    if (length !== undefined) edges.push('x'.repeat(length), 'x'.repeat(Math.max(0, length - 1)), 'x'.repeat(length + 1));
  return fc.constantFrom(...edges);
}

/** A JSON value of another type than the schema's. */
export function wrongType(schema: Schema): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case 'number':
    case 'integer':
      return fc.constantFrom('12', 'abc', '0x10', '1e3', true, [1], { value: 1 });
    case 'boolean':
      return fc.constantFrom('true', 1, 0, 'yes', [true], {});
    case 'array':
      return fc.constantFrom('14', 14, true, { 0: '14' }, [[['14']]], [{ code: '14' }], [14], [true]);
    default:
      return fc.constantFrom(12345, true, false, ['x'], { text: 'x' }, 0);
  }
}

/** Text with a control character, a Unicode trick or huge, where the schema wants text (in arrays: as an item). */
export function badText(schema: Schema, valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const text = valid.map((value) => (typeof value === 'string' && value.length > 0 ? value : Array.isArray(value) ? String(value[0] ?? '14') : '14'));
  const spoiled = fc.oneof(
    text.chain(withControl),
    fc.constantFrom(...UNICODE_TRICKS),
    text.map((value) => `${value}${UNICODE_TRICKS[value.length % UNICODE_TRICKS.length]}`),
    fc.constantFrom(...HUGE_TEXTS),
  );
  if (schema.type === 'array') return fc.tuple(valid, spoiled).map(([items, item]) => [...(Array.isArray(items) ? items : []), item]);
  return spoiled;
}

/** Times, numbers and codes a parser may take for valid and the database may not (a day that does not exist, an offset past 14 h). */
export const NEAR_VALID_TEXTS = [
  '2027-02-30T08:00:00+07:00',
  '2027-13-01',
  '2027-00-10',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59+07:00',
  '275760-09-13T00:00:00Z',
  '2027-01-01T08:00:00+25:00',
  '2027-01-01T24:00:00',
  '2027-01-01 08:00',
  '24:00',
  '23:60',
  '-01:00',
  '8:00',
  '+84 0',
  '84' + '9'.repeat(20),
  '0'.repeat(30),
  'legacy:',
  'legacy:999',
  '-1',
  '1e400',
];

/** A valid text with one character changed, dropped or doubled: the forms a parser half accepts. */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), fc.constantFrom('9', '0', '-', ':', '+', '.', 'T', ' ', ',', '/', '', 'đ')).map(([value, at, character]) => {
    const text = Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
    const position = text.length === 0 ? 0 : at % text.length;
    const changed = text.slice(0, position) + character + text.slice(position + 1);
    return Array.isArray(value) ? [changed, ...value.slice(1)] : changed;
  });
}

/** Anything a field should refuse (or may accept): edges, wrong types, null, broken, huge and nearly valid text. */
export function badValue(schema: Schema, valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const nearlyValid = fc.oneof(
    mutated(valid),
    fc.constantFrom(...NEAR_VALID_TEXTS).map((text) => (schema.type === 'array' ? [text] : text)),
  );
  return fc.oneof(boundaryValue(schema), wrongType(schema), fc.constant(null), badText(schema, valid), badText({ type: 'string' }, valid), nearlyValid);
}

/** An id segment of a path: one that exists, one that does not, and every way of writing one wrongly. */
export function badIdSegment(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('-1', '0', '1.5', '1e3', '0x10', '+1', '%201', '1%20', '１４', 'abc', 'null', 'undefined', '[]', 'NaN', 'Infinity'),
    fc.constantFrom('14%00', '..%2F', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%', '%zz', '%ED%A0%BD', '%00', '%E2%80%AE14', '14;1', "14'--", '14%0A'),
    fc.constantFrom(String(Number.MAX_SAFE_INTEGER + 1), '9'.repeat(30), '9223372036854775808', '-9223372036854775809', '9'.repeat(8_000)),
    fc.integer({ min: 1_000_000, max: Number.MAX_SAFE_INTEGER }).map(String),
  );
}

/** A text segment for a path or a query: control characters, tricks and broken percent-encoding. */
export function badTextSegment(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    valid.chain(withControl).map(urlEncode),
    fc.constantFrom(...UNICODE_TRICKS, ...NEAR_VALID_TEXTS).map(urlEncode),
    mutated(valid).map((text) => urlEncode(String(text))),
    fc.constantFrom('%00', '14%00', '..%2F', '%', '%zz', '%ED%A0%BD', '%C0%AF', '%FF', 'a'.repeat(8_000), '9'.repeat(8_000), urlEncode('ệ'.repeat(1_000))),
  );
}

const LONE_SURROGATE = /([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/;

/**
 * Percent-encodes text for a URL; a lone surrogate (which encodeURIComponent refuses) as the three bytes a careless
 * encoder writes for it (ill-formed UTF-8), which is what such a client would send.
 */
export function urlEncode(text: string): string {
  return text
    .split(LONE_SURROGATE)
    .map((part, index) =>
      index % 2 === 1
        ? [0xe0 | (part.charCodeAt(0) >> 12), 0x80 | ((part.charCodeAt(0) >> 6) & 0x3f), 0x80 | (part.charCodeAt(0) & 0x3f)]
            .map((byte) => `%${byte.toString(16).toUpperCase()}`)
            .join('')
        : encodeURIComponent(part),
    )
    .join('');
}
