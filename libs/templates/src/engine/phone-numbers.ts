export interface PhoneNumberMatch {
  /** As written in the text. */
  text: string;
  index: number;
  /** Digits only, national form (+84 / 84 -> 0). */
  national: string;
}

/** Emergency numbers every province may print: police 113, fire 114, ambulance 115. */
export const EMERGENCY_NUMBERS = ['113', '114', '115'];

// Digit groups joined by single dots, spaces or dashes, optionally after +84; not inside a longer token.
const NUMBER_RUN = /(?<![\p{L}\p{N}/:,.+])(?:\+\s?)?\d+(?:[.\s-]\d+)*(?![\p{L}\p{N}]|[/:,.]\d)/gu;

/** Phone numbers in Vietnamese formats: 0xx… (10-11 digits), +84…, 1800/1900 lines and 1xx short codes. */
export function findPhoneNumbers(text: string): PhoneNumberMatch[] {
  const found: PhoneNumberMatch[] = [];
  for (const run of text.matchAll(NUMBER_RUN)) {
    const whole = classify(run[0]);
    if (whole) {
      found.push({ text: run[0].trim(), index: run.index, national: whole });
      continue;
    }
    // "113, 114 hoặc 115" arrives as separate runs; "113 114 115" as one run of short codes.
    for (const part of run[0].matchAll(/\S+/g)) {
      const national = classify(part[0]);
      if (national) found.push({ text: part[0], index: run.index + part.index, national });
    }
  }
  return found;
}

/** Digits only and national form, for comparing numbers written with different punctuation. */
export function nationalNumber(written: string): string {
  const digits = written.replace(/\D/g, '');
  if (written.trim().startsWith('+84') || (digits.startsWith('84') && digits.length === 11)) return `0${digits.slice(2)}`;
  return digits;
}

function classify(written: string): string | null {
  const national = nationalNumber(written);
  if (/^0\d{9,10}$/.test(national)) return national;
  if (/^1[89]00\d{4,6}$/.test(national)) return national;
  if (/^1\d{2}$/.test(national) && /^\d+$/.test(written)) return national;
  return null;
}
