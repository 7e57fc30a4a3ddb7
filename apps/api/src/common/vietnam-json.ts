import { formatVietnamInstant } from '@loa/common';

/**
 * Express's `json replacer` for every JSON answer: a time leaves as ISO 8601 in +07:00
 * (`2026-01-01T00:00:00.000+07:00`), not in UTC (`2025-12-31T17:00:00.000Z`), the form officials read
 * everywhere else. JSON.stringify calls it with `this` = the object holding `key`, so `this[key]` is
 * still the Date, before `Date.prototype.toJSON` made it a UTC string (`value`).
 */
export function vietnamTimesInJson(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key];
  // An invalid Date keeps JSON's null.
  return original instanceof Date && !Number.isNaN(original.getTime()) ? formatVietnamInstant(original) : value;
}
