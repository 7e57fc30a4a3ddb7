import { inspect } from 'node:util';

/**
 * A thrown value as one line a person can read: an Error's message (its name when it has none), anything else
 * named with its type and shown (a string, an object, undefined), never a bare "undefined".
 */
export function describeThrown(value: unknown): string {
  if (value instanceof Error) return value.message.trim() !== '' ? value.message : `${value.name} (with no message)`;
  if (value === undefined || value === null) return `${String(value)} was thrown instead of an error, so what failed said nothing more`;
  const type = typeof value;
  const shown = inspect(value, { depth: 2, breakLength: Number.POSITIVE_INFINITY });
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} was thrown instead of an error: ${shown}`;
}
