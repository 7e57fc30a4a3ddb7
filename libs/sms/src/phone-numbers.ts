import { displayedText } from './displayed-text';

export interface PhoneNumberMatch {
  /** As a phone shows it (invisible characters dropped, full-width digits folded). */
  text: string;
  /** UTF-16 index of its first character in the text as written. */
  index: number;
  /** UTF-16 index just after it in the text as written. */
  end: number;
  /** Digits only, national form: +84, (84), 084, 0084 and +84(0) become 0. */
  national: string;
}

// Between digit groups a reader skips spaces, dots, dashes and brackets: "(+84) 912-345.678", "+84(0)912…".
const SEPARATOR = String.raw`[ .\-\u2010-\u2015\u2212()]{1,3}`;
// Digit groups, after an optional "(" and "+"; letters may touch them ("Zalo0912…", "SDT:0912…", "tel:0912…").
const DIGIT_RUN = new RegExp(String.raw`(?<![\d+])(?:\(\s?)?(?:\+\s?)?\d+(?:${SEPARATOR}\d+)*`, 'g');
const DIGIT_GROUP = /\d+/g;
// "1.200.000.000" is a sum of money, not +84 or 1900: a first group of 1-3 digits, then only groups of three.
const MONEY = /^[1-9]\d{0,2}(?:\.\d{3})+$/;

interface DigitGroup {
  digits: string;
  /** In the displayed text. */
  start: number;
  end: number;
}

/**
 * Phone numbers in every dress a Vietnamese reader dials: mobiles and landlines after 0, +84, (+84), (84),
 * 084, 0084 or +84(0), with spaces, dots, dashes or brackets between groups and letters glued on either
 * side; 1800/1900 lines; and the 3-digit service numbers 111-119 written as they are.
 */
export function findPhoneNumbers(written: string): PhoneNumberMatch[] {
  if (!/\p{N}/u.test(written)) return [];
  const shown = displayedText(written);
  const found: PhoneNumberMatch[] = [];
  for (const run of shown.text.matchAll(DIGIT_RUN)) {
    const international = /^\(?\s?\+/.test(run[0]);
    const groups = [...run[0].matchAll(DIGIT_GROUP)].map((group) => ({
      digits: group[0],
      start: run.index + group.index,
      end: run.index + group.index + group[0].length,
    }));
    if (!international && MONEY.test(run[0])) continue;
    for (const number of numbersIn(groups, international)) {
      // A number that opens the run takes the run's "(" or "+" with it: "(+84) 912 345 678".
      const start = number.first === 0 ? run.index : groups[number.first].start;
      const end = closingBracketAfter(shown.text, groups[number.last].end, shown.text.slice(start, groups[number.last].end));
      found.push({ text: shown.text.slice(start, end), index: shown.writtenIndex(start), end: shown.writtenIndex(end), national: number.national });
    }
  }
  return found;
}

/**
 * Reads the groups left to right, each time taking the longest stretch of groups that is a number:
 * "113 114 115" is three numbers, "0912 345 678" one, "(1) 0912 345 678" one after a list mark.
 */
function numbersIn(groups: DigitGroup[], international: boolean): { first: number; last: number; national: string }[] {
  const numbers: { first: number; last: number; national: string }[] = [];
  for (let first = 0; first < groups.length;) {
    const number = longestNumberFrom(groups, first, international && first === 0);
    if (number) numbers.push(number);
    first = number ? number.last + 1 : first + 1;
  }
  return numbers;
}

// The longest dress, 0084 with the trunk 0 and a landline ("0084 (0) 262 3818 568"), has 15 digits.
const MAX_DIGITS = 15;

function longestNumberFrom(groups: DigitGroup[], first: number, international: boolean): { first: number; last: number; national: string } | null {
  let last = first;
  for (let digits = groups[first].digits.length; last + 1 < groups.length && digits + groups[last + 1].digits.length <= MAX_DIGITS;) {
    last++;
    digits += groups[last].digits.length;
  }
  for (; last >= first; last--) {
    const national = classify(groups.slice(first, last + 1), international);
    if (national !== null) return { first, last, national };
  }
  return null;
}

function classify(groups: DigitGroup[], international: boolean): string | null {
  const digits = groups.map((group) => group.digits).join('');
  if (groups.length === 1 && /^11[1-9]$/.test(digits)) return digits;
  return nationalForm(digits, international);
}

// Since 2018 every mobile (and the police's 069 lines) has 10 digits; every landline 11, after 02.
const NATIONAL = /^0(?:[1-9]\d{8}|2\d{9})$/;

/** Digits only and national form, or null when the digits are no Vietnamese number; `international` when written after "+". */
function nationalForm(digits: string, international: boolean): string | null {
  const subscriber = subscriberPart(digits, international);
  if (subscriber !== null) {
    // "+84 (0) 912…": the trunk 0 written after the country code is not dialled.
    const withoutTrunk = subscriber.startsWith('0') ? subscriber.slice(1) : subscriber;
    return NATIONAL.test(`0${withoutTrunk}`) ? `0${withoutTrunk}` : null;
  }
  if (international) return null;
  if (NATIONAL.test(digits)) return digits;
  if (/^1[89]00\d{4,6}$/.test(digits)) return digits;
  return null;
}

/** The subscriber's digits after a country code (+84, 0084, 084…, 84…), or null without one. */
function subscriberPart(digits: string, international: boolean): string | null {
  if (digits.startsWith('0084')) return digits.slice(4);
  if (international) return digits.startsWith('84') ? digits.slice(2) : null;
  // 084 and 84 are a country code only before a whole subscriber number: 0842345678 is a mobile of its own.
  if (/^084\d{9,11}$/.test(digits)) return digits.slice(3);
  if (/^84\d{9,11}$/.test(digits)) return digits.slice(2);
  return null;
}

/** "(+84)912 345 678)" ends at its last digit, but "(0912 345 678)" keeps the bracket it opened. */
function closingBracketAfter(text: string, end: number, number: string): number {
  const opened = (number.match(/\(/g) ?? []).length - (number.match(/\)/g) ?? []).length;
  return opened > 0 && text[end] === ')' ? end + 1 : end;
}

/** Digits only and national form, for comparing numbers written with different punctuation ("+84 262…" and "0262…"). */
export function nationalNumber(written: string): string {
  const digits = displayedText(written).text.replace(/\D/g, '');
  return nationalForm(digits, /^\s*\(?\s?\+/.test(written)) ?? digits;
}
