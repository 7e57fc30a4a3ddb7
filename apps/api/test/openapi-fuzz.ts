import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  badIdSegment,
  badText,
  badTextSegment,
  badValue,
  CONTROL_CHARACTERS,
  type FuzzContext,
  HUGE_TEXTS,
  type Schema,
  schemaValue,
  UNICODE_TRICKS,
  urlEncode,
} from './openapi-fuzz-values';

type Method = 'get' | 'post' | 'patch' | 'delete';

/** One route of the OpenAPI document, as the fuzz needs it. */
export interface FuzzOperation {
  /** "POST /campaigns/{id}/approve" */
  key: string;
  method: Method;
  path: string;
  parameters: { in: 'path' | 'query'; name: string; schema: Schema }[];
  body?: { contentType: string; schema: Schema };
  /** It needs a bearer token (the document lists a security requirement). */
  guarded: boolean;
}

/** Who sends: a national admin, a drafter of province 14, nobody, or someone with a forged token (the admin's, claims changed, alg none). */
export type Caller = 'admin' | 'drafter' | 'anonymous' | 'forged';

/** One generated request; printed short (100 kB values as their length) when a property fails. */
export interface FuzzRequest {
  caller: Caller;
  method: Method;
  /** With the query, percent-encoded as sent. */
  url: string;
  contentType?: string;
  body?: string;
  /** Which part was spoiled: "none", "several", or its name ("path id", "query limit", "body"). */
  spoiled: string;
}

export function loadOpenApi(): { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Schema> } } {
  return JSON.parse(readFileSync(join(process.cwd(), 'apps', 'api', 'openapi.json'), 'utf8'));
}

/** Every (method, path) of the document, with its parameters and its body schema resolved. */
export function fuzzOperations(document = loadOpenApi()): FuzzOperation[] {
  const resolve = (schema: Schema): Schema => (schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : schema);
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const operation = raw as {
        parameters?: FuzzOperation['parameters'];
        requestBody?: { content: Record<string, { schema: Schema }> };
        security?: unknown[];
      };
      const content = Object.entries(operation.requestBody?.content ?? {})[0];
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method as Method,
        path,
        parameters: (operation.parameters ?? []).map((parameter) => ({ ...parameter, schema: resolve(parameter.schema) })),
        body: content ? { contentType: content[0], schema: resolve(content[1].schema) } : undefined,
        guarded: (operation.security ?? []).length > 0,
      });
    }
  }
  return operations;
}

/** A short, printable account of a request: long runs are shown as their length. */
export function describeRequest(request: FuzzRequest): string {
  const short = (text: string) => text.replace(/(.)\1{199,}/gsu, (run, character: string) => `${character}…(×${[...run].length})`).slice(0, 2_000);
  const body = request.body === undefined ? '' : ` ${request.contentType ?? '(no content type)'} ${JSON.stringify(short(request.body))}`;
  return `${request.caller} ${request.method.toUpperCase()} ${short(request.url)}${body} (spoiled: ${request.spoiled})`;
}

const CALLER: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('admin' as const) },
  { weight: 3, arbitrary: fc.constant('drafter' as const) },
  { weight: 1, arbitrary: fc.constant('anonymous' as const) },
  { weight: 1, arbitrary: fc.constant('forged' as const) },
);

/** One part of a request (a path parameter, a query parameter, the body) as it is when valid, and spoiled. */
interface Part<T> {
  valid: fc.Arbitrary<T>;
  bad: fc.Arbitrary<T>;
}

type Body = Pick<FuzzRequest, 'contentType' | 'body'>;

/**
 * Requests for one route: all parts valid (2 in 9), exactly one part spoiled (6 in 9: a bad value is then what the
 * route refuses, not whatever part it checks first), or each part valid or spoiled at random (1 in 9).
 */
export function requestArbitrary(operation: FuzzOperation, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const segments = pathParameters.map((parameter) => pathSegment(operation.path, parameter.name, context));
  const queries = [...queryParameters.map((parameter) => queryPart(parameter.name, parameter.schema, context)), unknownQueryPart()];
  const body = bodyPart(operation, context);
  const parts: Part<unknown>[] = [...segments, ...queries, body];
  const names = [
    ...pathParameters.map((parameter) => `path ${parameter.name}`),
    ...queryParameters.map((parameter) => `query ${parameter.name}`),
    'query (unknown)',
    'body',
  ];
  const spoiled = fc.oneof(
    { weight: 2, arbitrary: fc.constant(-1) },
    { weight: 6, arbitrary: fc.nat({ max: parts.length - 1 }) },
    { weight: 1, arbitrary: fc.constant(-2) },
  );
  const values = spoiled.chain((index) =>
    fc
      .tuple(...parts.map((part, i) => (i === index ? part.bad : index === -2 ? fc.oneof(part.valid, part.bad) : part.valid)))
      .map((all) => ({ all, spoiled: index === -1 ? 'none' : index === -2 ? 'several' : names[index] })),
  );
  return fc.tuple(CALLER, values).map(([caller, { all, spoiled: what }]) => {
    let url = operation.path;
    pathParameters.forEach((parameter, index) => (url = url.replace(`{${parameter.name}}`, all[index] as string)));
    const queryString = (all.slice(segments.length, segments.length + queries.length) as string[]).filter((part) => part !== '').join('&');
    const request: FuzzRequest = {
      caller,
      method: operation.method,
      url: queryString ? `${url}?${queryString}` : url,
      ...(all.at(-1) as Body),
      spoiled: what,
    };
    return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
  });
}

/** A path segment: an object that exists (or a well-formed id that does not), else a spoiled one. */
function pathSegment(path: string, name: string, context: FuzzContext): Part<string> {
  const valid = validPathValue(path, name, context);
  return { valid: valid.map(urlEncode), bad: name === 'id' ? badIdSegment() : badTextSegment(valid) };
}

function validPathValue(path: string, name: string, context: FuzzContext): fc.Arbitrary<string> {
  if (name === 'msisdn') return msisdnValue(context);
  if (name === 'code') return fc.constantFrom(...context.provinces, 'Điện Biên', '99');
  if (name === 'carrier') return fc.constantFrom(...CARRIERS, 'others');
  if (name !== 'id') return fc.oneof(fc.constantFrom('index.js', 'app.css', 'favicon.svg', 'missing.js'), fc.string({ minLength: 1, maxLength: 30 }));
  const resource = path.startsWith('/subscribers/imports') ? 'imports' : (path.split('/')[1] as keyof FuzzContext['ids']);
  const ids = context.ids[resource] ?? [];
  return fc.oneof({ weight: 4, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.constant(1) }, { weight: 1, arbitrary: fc.constant(987_654) }).map(String);
}

/** A query parameter, "name=value" ('' when left out). Lists are comma-separated (GET /audiences/count); a repeated name is the wrong type. */
function queryPart(name: string, schema: Schema, context: FuzzContext): Part<string> {
  const value = fieldValue(name, schema, context).map((item) => `${name}=${urlEncode(Array.isArray(item) ? item.join(',') : String(item))}`);
  const bad = fc.oneof(
    badValue(schema, fieldValue(name, schema, context)).map((item) => `${name}=${urlEncode(typeof item === 'string' ? item : JSON.stringify(item))}`),
    badTextSegment(fc.constant('14')).map((segment) => `${name}=${segment}`),
    fc.constantFrom(`${name}=1&${name}=2`, `${name}[]=1`, `${name}[a]=1`, name, `${name}=`),
  );
  return { valid: fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 2, arbitrary: value }), bad };
}

function unknownQueryPart(): Part<string> {
  return { valid: fc.constant(''), bad: fc.constantFrom('isAdmin=true', '__proto__=1', 'x=%00', 'limit=1', 'format=pdf') };
}

function bodyPart(operation: FuzzOperation, context: FuzzContext): Part<Body> {
  if (operation.body?.contentType === 'text/csv') return csvBody(context);
  if (operation.body) return jsonBody(operation.body.schema, context);
  // A route that reads no body must ignore one, or refuse it; either way without a 5xx.
  return { valid: fc.constant({}), bad: fc.constantFrom(...RAW_JSON_BODIES).map((body) => ({ contentType: 'application/json', body })) };
}

/** JSON a parser or a validator can trip on: cut, too deep, a number past double, duplicate or magic keys. */
const RAW_JSON_BODIES = [
  '{"name": "x",',
  '[',
  'null',
  '"text"',
  '1e999',
  '{"limit": 1e999}',
  '{"templateId": 1e400, "provinces": ["14"]}',
  '{"name": "a", "name": "b"}',
  '{"__proto__": {"isAdmin": true}}',
  '{"constructor": {"prototype": {"x": 1}}}',
  '['.repeat(20) + ']'.repeat(20),
  '{"a":'.repeat(17) + '1' + '}'.repeat(17),
  '\ufeff{}',
  '{"body": "\\ud83d"}',
  '{"name": "\\u0000"}',
];

/** A JSON body: every field valid (required ones always there), else one field spoiled, one required field left out, or not an object. */
function jsonBody(schema: Schema, context: FuzzContext): Part<Body> {
  const fields = Object.entries(schema.properties ?? {});
  const valids = Object.fromEntries(fields.map(([name, property]) => [name, fieldValue(name, property, context)]));
  const valid = fc.record(valids, { requiredKeys: schema.required ?? [] });
  const json = (body: unknown): Body => ({ contentType: 'application/json', body: JSON.stringify(body) });
  const bad: fc.WeightedArbitrary<unknown>[] = [{ weight: 1, arbitrary: fc.constantFrom(null, [], [{}], 'text', 42, true, {}, { isAdmin: true }) }];
  if (fields.length > 0) {
    const spoiled = fc
      .constantFrom(...fields)
      .chain(([name, property]) => fc.tuple(valid, badValue(property, valids[name])).map(([body, value]) => ({ ...body, [name]: value })));
    bad.push({ weight: 8, arbitrary: spoiled });
  }
  for (const required of schema.required ?? []) bad.push({ weight: 1, arbitrary: valid.map(({ [required]: _left, ...body }) => body) });
  return {
    valid: valid.map(json),
    bad: fc.oneof(
      { weight: 12, arbitrary: fc.oneof(...bad).map(json) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_JSON_BODIES).map((body) => ({ contentType: 'application/json', body })) },
      { weight: 1, arbitrary: fc.tuple(OTHER_CONTENT_TYPES, valid).map(([contentType, body]) => ({ contentType, body: JSON.stringify(body) })) },
    ),
  };
}

const OTHER_CONTENT_TYPES = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'text/csv',
  'application/json; charset=latin1',
  'application/xml',
);

/** A valid value of a field: objects that exist for ids and numbers, the right form for times, else the schema's own. */
function fieldValue(name: string, schema: Schema, context: FuzzContext): fc.Arbitrary<unknown> {
  const hint = FIELD_VALUES[name]?.(context);
  return hint ?? schemaValue(schema);
}

const anyOf = <T>(values: T[], fallback: T): fc.Arbitrary<T> => (values.length ? fc.constantFrom(...values) : fc.constant(fallback));
const instantIn = (year: number) =>
  fc
    .date({ min: new Date(`${year}-01-01T00:00:00Z`), max: new Date(`${year}-11-30T00:00:00Z`), noInvalidDate: true })
    .map((date) => `${date.toISOString().slice(0, 19)}+07:00`);
// Starts in 2027 and deadlines in 2028, so a deadline is after its start; past moments for "as of".
const instant = instantIn(2027);
const day = instant.map((time) => time.slice(0, 10));
const CARRIERS = ['viettel', 'vnpt', 'mobifone'];
const reason = fc.constantFrom('Thiếu số đường dây nóng của tỉnh', 'Bão số 3 đổ bộ trong đêm: cảnh báo khẩn', 'Cảnh báo khẩn: gửi nốt sau hạn');
const WARNING = 'Công an {{province.name}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai. Liên hệ {{province.hotline}}.';

function msisdnValue(context: FuzzContext): fc.Arbitrary<string> {
  const fresh = fc.integer({ min: 0, max: 999_999 }).map((n) => `0912${String(n).padStart(6, '0')}`);
  const dressed = anyOf(context.msisdns, '0912000001').chain((number) =>
    fc.constantFrom(number, `+84${number.slice(1)}`, `84${number.slice(1)}`, `${number.slice(0, 4)} ${number.slice(4, 7)} ${number.slice(7)}`),
  );
  return fc.oneof(dressed, fresh);
}

const FIELD_VALUES: Record<string, (context: FuzzContext) => fc.Arbitrary<unknown>> = {
  templateId: (context) => anyOf(context.ids.templates, 1),
  previousVersionId: (context) => anyOf(context.ids.templates, 1),
  programmeId: (context) => anyOf(context.ids.programmes, 1),
  userId: (context) => anyOf(context.ids.users, 1),
  provinces: (context) => fc.subarray(context.provinces, { minLength: 1 }),
  province: (context) => anyOf(context.provinces, '14'),
  carriers: () => fc.subarray(CARRIERS, { minLength: 1 }),
  carrier: () => fc.constantFrom(...CARRIERS),
  q: () => fc.constantFrom('14', 'Điện Biên', 'lừa đảo', 'demo'),
  targeted: () => fc.integer({ min: 1000, max: 2000 }),
  sent: () => fc.integer({ min: 500, max: 1000 }),
  delivered: () => fc.integer({ min: 0, max: 500 }),
  msisdn: msisdnValue,
  msisdns: (context) => fc.array(msisdnValue(context), { minLength: 1, maxLength: 3 }),
  startAt: () => instant,
  reportDeadline: () => instantIn(2028),
  asOf: () => instantIn(2026),
  from: () => fc.oneof(day, instant),
  to: () => fc.oneof(day, instant),
  reportedOn: () => day,
  windowStart: () => fc.constantFrom('07:00', '08:00', '00:00', '23:59'),
  windowEnd: () => fc.constantFrom('20:00', '21:30', '23:59'),
  username: () => fc.stringMatching(/^[a-z][a-z0-9.-]{3,20}$/),
  password: () => fc.nat().map((n) => `Hoa-sen-ven-song-${n}`),
  reason: () => reason,
  overrideReason: () => reason,
  body: () => fc.constantFrom(WARNING, 'Cảnh báo: không chuyển tiền cho người lạ. Gọi {{province.hotline}}.'),
  policeHotlines: () => fc.constantFrom(['069.3672.888'], ['069.3672.888', '0262.3818.568']),
  website: () => fc.constantFrom('https://congan.dienbien.gov.vn', null),
};

/** CSV uploads: headers in both languages (or wrong), rows of valid and spoiled cells, and wrong content types. */
function csvBody(context: FuzzContext): Part<Body> {
  const validHeader = fc.constantFrom('msisdn,carrier,province,status', 'so_dien_thoai,nha_mang,tinh,trang_thai', '\ufeffmsisdn,carrier,province,status');
  const badHeader = fc.constantFrom('msisdn', '', 'a,b,c,d', 'msisdn,msisdn,carrier,province', 'MSISDN;carrier;province;status');
  const spoiledCell = fc.oneof(
    badText({ type: 'string' }, fc.constant('0912000001')).map((value) => String(value)),
    fc.constantFrom('"', '"unterminated', '"a""b"', 'a,b', '=HYPERLINK("http://x")', '', ' ', ...CONTROL_CHARACTERS),
  );
  const cells = [
    msisdnValue(context),
    fc.constantFrom('viettel', 'vnpt', 'mobifone', 'others', 'vinaphone'),
    anyOf(context.provinces, '14'),
    fc.constantFrom('active', 'opted_out'),
  ];
  const validRow = fc.tuple(...cells).map((row) => row.join(','));
  const badRow = fc.tuple(...cells.map((cell) => fc.oneof({ weight: 2, arbitrary: cell }, { weight: 1, arbitrary: spoiledCell }))).map((row) => row.join(','));
  const csv = (header: fc.Arbitrary<string>, row: fc.Arbitrary<string>) =>
    fc
      .tuple(header, fc.array(row, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
      .map(([head, rows, newline]) => ({ contentType: 'text/csv', body: [head, ...rows].join(newline) + newline }));
  const otherType = fc.constantFrom('text/csv; charset=utf-8', 'text/plain', 'application/json', 'multipart/form-data; boundary=x', 'image/png');
  return {
    valid: csv(validHeader, validRow),
    bad: fc.oneof(
      { weight: 6, arbitrary: csv(validHeader, badRow) },
      { weight: 2, arbitrary: csv(badHeader, validRow) },
      { weight: 1, arbitrary: fc.tuple(otherType, csv(validHeader, validRow)).map(([contentType, { body }]) => ({ contentType, body })) },
      { weight: 1, arbitrary: fc.constantFrom(...HUGE_TEXTS, ...UNICODE_TRICKS, '').map((body) => ({ contentType: 'text/csv', body })) },
      { weight: 1, arbitrary: csv(validHeader, validRow).map(({ body }) => ({ contentType: 'text/csv', body: body.replace(/\n/g, '\r') })) },
    ),
  };
}
