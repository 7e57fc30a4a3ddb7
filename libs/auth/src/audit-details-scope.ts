import { type ObjectProvinces } from './access';

/**
 * Details that describe the whole object, left out for a reader who covers only some of its provinces
 * unless the entry breaks them down `byProvince`:
 * - a campaign's approval: its messages and those left at its deadline;
 * - what a carrier reported for the whole campaign (the campaign report leaves it out for them too);
 * - test sends and exclusions: the numbers, and how many;
 * - an import: its counts (its job is shown only to users covering the importer's whole scope).
 */
const WHOLE_OBJECT_DETAILS = [
  'messages',
  'unsentAtDeadline',
  'targeted',
  'sent',
  'delivered',
  'queued',
  'msisdns',
  'count',
  'read',
  'inserted',
  'updated',
  'unchanged',
  'rejected',
  'mapped',
];

/**
 * An entry's details as a reader whose scope is `scope` sees them. A reader covering all of the entry's
 * provinces (or national) sees them whole. One covering only some sees the figures of their provinces:
 * `byProvince` ({"14": {"messages": 197}, …}) keeps theirs and each total it breaks down becomes their
 * sum (numbers added, lists joined); whole-object details without a breakdown are left out.
 */
export function detailsForScope(details: Record<string, unknown>, provinces: ObjectProvinces, scope: readonly string[] | null): Record<string, unknown> {
  if (scope === null || provinces === null || provinces.every((code) => scope.includes(code))) return details;
  const byProvince = isRecord(details.byProvince) ? details.byProvince : {};
  const theirs = Object.fromEntries(Object.entries(byProvince).filter(([code]) => scope.includes(code)));
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (key === 'byProvince') shown.byProvince = theirs;
    else if (Object.values(byProvince).some((figures) => isRecord(figures) && key in figures)) shown[key] = combined(theirs, key, value);
    else if (!WHOLE_OBJECT_DETAILS.includes(key)) shown[key] = value;
  }
  return shown;
}

/** The reader's provinces' figures under `key`, added up like the whole one (`total`): a sum or a joined list. */
function combined(byProvince: Record<string, unknown>, key: string, total: unknown): number | unknown[] {
  const figures = Object.values(byProvince).map((province) => (isRecord(province) ? province[key] : undefined));
  if (Array.isArray(total)) return figures.flatMap((figure) => (Array.isArray(figure) ? figure : []));
  return figures.reduce<number>((sum, figure) => sum + (typeof figure === 'number' ? figure : 0), 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
