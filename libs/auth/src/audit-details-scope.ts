import { type ObjectProvinces } from './access';

/**
 * Counts in an entry's details that describe the whole object: the messages of an approved campaign and
 * those left at its deadline, what a carrier reported for the whole campaign, the test messages queued.
 */
const WHOLE_OBJECT_COUNTS = ['messages', 'unsentAtDeadline', 'targeted', 'sent', 'delivered', 'queued'];

/**
 * An entry's details as a reader whose scope is `scope` sees them. A reader covering all of the entry's
 * provinces (or national) sees them whole. One covering only some sees the counts of their provinces:
 * `byProvince` ({"14": {"messages": 197}, …}) keeps theirs and each total it breaks down becomes their
 * sum; a whole-object count without a breakdown is left out, as the campaign report leaves out what
 * carriers reported for the whole campaign.
 */
export function detailsForScope(details: Record<string, unknown>, provinces: ObjectProvinces, scope: readonly string[] | null): Record<string, unknown> {
  if (scope === null || provinces === null || provinces.every((code) => scope.includes(code))) return details;
  const byProvince = isRecord(details.byProvince) ? details.byProvince : {};
  const theirs = Object.fromEntries(Object.entries(byProvince).filter(([code]) => scope.includes(code)));
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (key === 'byProvince') shown.byProvince = theirs;
    else if (Object.values(byProvince).some((counts) => isRecord(counts) && key in counts)) shown[key] = sumOf(theirs, key);
    else if (!WHOLE_OBJECT_COUNTS.includes(key)) shown[key] = value;
  }
  return shown;
}

function sumOf(byProvince: Record<string, unknown>, key: string): number {
  return Object.values(byProvince).reduce<number>((sum, counts) => sum + (isRecord(counts) && typeof counts[key] === 'number' ? counts[key] : 0), 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
