import type { Carrier } from './carrier';
import { prefixTable } from './prefix-table';

/** Why a number was refused; returned (not thrown) because the import refuses rows, not files. */
export class InvalidMsisdn {
  constructor(readonly reason: string) {}
}

/** Separators people and spreadsheets put in numbers: spaces (incl. NBSP), dots, dashes, parentheses. */
const SEPARATORS = /[\s\u00a0.\-()]/g;

/**
 * 0912345678, 84912345678, +84 912 345 678, 0084…, 912345678 (a spreadsheet ate the 0) and the pre-2018
 * 11-digit forms (0162…, 84162…) -> 84 + 9 digits. Refuses anything that is not a Vietnamese mobile range.
 */
export function normalizeMsisdn(input: string): bigint | InvalidMsisdn {
  const result = normalizeMsisdnText(input);
  return typeof result === 'string' ? BigInt(result) : result;
}

/** Same as normalizeMsisdn, as the decimal text "84xxxxxxxxx" (the import's hot path skips BigInt). */
export function normalizeMsisdnText(input: string): string | InvalidMsisdn {
  let digits = input.replace(SEPARATORS, '');
  if (digits.length === 0) return new InvalidMsisdn('empty phone number');
  if (digits.startsWith('+')) {
    if (!digits.startsWith('+84')) return new InvalidMsisdn('not a Vietnamese number (only +84 is accepted)');
    digits = digits.slice(1);
  } else if (digits.startsWith('0084')) {
    digits = digits.slice(2);
  }
  if (!/^\d+$/.test(digits)) return new InvalidMsisdn('not a phone number (only digits, spaces, dots, dashes, parentheses and a leading + are allowed)');
  const nsn = nationalNumber(digits);
  if (nsn instanceof InvalidMsisdn) return nsn;
  return carrierForNsn(nsn) ? '84' + nsn : new InvalidMsisdn(`0${nsn.slice(0, 2)} is not a Vietnamese mobile prefix`);
}

/** The 9-digit national significant number, the pre-2018 prefixes converted. */
function nationalNumber(digits: string): string | InvalidMsisdn {
  if (digits.length === 11 && digits.startsWith('84')) return digits.slice(2);
  if (digits.length === 12 && digits.startsWith('841')) return convertLegacy(digits.slice(2));
  if (digits.length === 10 && digits.startsWith('0')) return digits.slice(1);
  if (digits.length === 11 && digits.startsWith('01')) return convertLegacy(digits.slice(1));
  if (digits.length === 9 && digits[0] !== '0') return digits;
  return new InvalidMsisdn(`wrong length: ${digits.length} digits (expected 0 + 9 digits or 84 + 9 digits)`);
}

/** 162xxxxxxx -> 32xxxxxxx (MIC conversion 2018; the last 7 digits are kept). */
function convertLegacy(tenDigits: string): string | InvalidMsisdn {
  const replacement = prefixTable().legacyPrefixes.get(tenDigits.slice(0, 3));
  if (!replacement) return new InvalidMsisdn(`0${tenDigits.slice(0, 3)} is not a pre-2018 mobile prefix`);
  return replacement + tenDigits.slice(3);
}

function carrierForNsn(nsn: string): Carrier | undefined {
  const table = prefixTable().carrierByPrefix;
  return table.get(nsn.slice(0, 3)) ?? table.get(nsn.slice(0, 2));
}

/**
 * The original range holder of a normalised number (84 + 9 digits), or null outside every mobile range.
 * Only a fallback: since 2018 numbers port between carriers, so a carrier's own list wins.
 */
export function carrierForMsisdn(msisdn: bigint | string): Carrier | null {
  const text = String(msisdn);
  if (!/^84\d{9}$/.test(text)) return null;
  return carrierForNsn(text.slice(2)) ?? null;
}
