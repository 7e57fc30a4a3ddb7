import { type AuditRecord } from '@loa/auth';
import { formatVietnamInstant } from '@loa/common';

/** A time as JSON wrote it when the entry was stored: `Date.prototype.toJSON`, UTC. */
const STORED_UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * The entry with the times in its before/after/details in +07:00, as every answer gives times. The log is
 * append-only and its jsonb keeps what was written (Dates as UTC strings), so they are converted on the way out.
 */
export function withStoredTimesInVietnam(entry: AuditRecord): AuditRecord {
  return {
    ...entry,
    before: inVietnamTime(entry.before) as AuditRecord['before'],
    after: inVietnamTime(entry.after) as AuditRecord['after'],
    details: inVietnamTime(entry.details) as AuditRecord['details'],
  };
}

function inVietnamTime(value: unknown): unknown {
  if (typeof value === 'string') return STORED_UTC_INSTANT.test(value) ? formatVietnamInstant(new Date(value)) : value;
  if (Array.isArray(value)) return value.map(inVietnamTime);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, inVietnamTime(inner)]));
  return value;
}
