import { findPhoneNumbers } from '@loa/sms';

/**
 * Keys whose values never reach a log line, wherever they sit in a logged object: credentials, and
 * subscriber numbers (msisdn, destination, source_addr of a reply).
 */
export const REDACTED_KEYS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  '*.password',
  'jwtSecret',
  '*.jwtSecret',
  'accessToken',
  '*.accessToken',
  'msisdn',
  '*.msisdn',
  'destination',
  '*.destination',
  'subscriber',
  '*.subscriber',
  'sourceAddr',
  '*.sourceAddr',
];

/** Fields that carry ids, not text: never rewritten. */
const ID_FIELDS = new Set(['context', 'reqId', 'clientReqId', 'carrier', 'campaignId']);
// Deep enough for an error's details or a request's parts, bounded for a cyclic or huge object.
const MAX_DEPTH = 4;

/**
 * A subscriber number in any dress the lint reads ("0912.000.022", "(+84) 912 345 678", "84912345678",
 * full-width or split by invisible characters) keeps its prefix and last three digits; the rest become "*":
 * "0***.***.022", "(+84) *** *** 678", "84******678". Service numbers (113, 1900…) stay as they are.
 */
export function maskSubscriberNumbers(text: string): string {
  const numbers = findPhoneNumbers(text).filter((phone) => phone.national.startsWith('0'));
  if (numbers.length === 0) return text;
  let masked = '';
  let at = 0;
  for (const phone of numbers) {
    masked += text.slice(at, phone.index) + maskDigits(text.slice(phone.index, phone.end), phone.national.length - 1);
    at = phone.end;
  }
  return masked + text.slice(at);
}

/** Every digit of `written` but the prefix's (all before the last `subscriberDigits`) and the last three. */
function maskDigits(written: string, subscriberDigits: number): string {
  const characters = [...written];
  const digits = characters.flatMap((character, position) => (/\p{Nd}/u.test(character.normalize('NFKC')) ? [position] : []));
  const prefix = digits.length - subscriberDigits;
  digits.forEach((position, i) => {
    if (i >= prefix && i < digits.length - 3) characters[position] = '*';
  });
  return characters.join('');
}

/** A URL as logged: masked where it holds a number, read percent-decoded ("%28%2B84%29…", "0912%20345…") to find one. */
export function maskUrl(url: string): string {
  const [path, query] = splitOnce(url, '?');
  const decoded = decodePercent(path) + (query === undefined ? '' : `?${decodePercent(query.replaceAll('+', ' '))}`);
  const masked = maskSubscriberNumbers(decoded);
  return masked === decoded ? url : masked;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (encoded) => {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return encoded;
    }
  });
}

/** Strings masked wherever they sit in a logged value (plain objects and arrays, a few levels deep); ids left alone. */
export function maskFields<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return maskSubscriberNumbers(value) as T;
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => maskFields(item, depth + 1)) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, field]) => [key, ID_FIELDS.has(key) ? field : maskFields(field, depth + 1)]),
  ) as T;
}
