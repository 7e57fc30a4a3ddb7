import { type AuditRecord } from './audit-log.repository';

/** A subscriber or test number as stored (84 + 9 digits), alone in a string. */
const STORED_NUMBER = /^84\d{9}$/;

/** 84912345678 -> 84912***678: enough to tell entries apart, not to call anyone. */
export function maskNumber(text: string): string {
  return STORED_NUMBER.test(text) ? `${text.slice(0, 5)}***${text.slice(8)}` : text;
}

/**
 * The entry with every number in it masked: the object id and any string in details, before and after
 * (e.g. the numbers of `exclusions.add`, of `campaign.test-send`), at any depth.
 */
export function withNumbersMasked(entry: AuditRecord): AuditRecord {
  return {
    ...entry,
    objectId: maskNumber(entry.objectId),
    details: maskDeep(entry.details) as Record<string, unknown>,
    before: maskDeep(entry.before) as Record<string, unknown> | null,
    after: maskDeep(entry.after) as Record<string, unknown> | null,
  };
}

function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskNumber(value);
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskDeep(inner)]));
  return value;
}
