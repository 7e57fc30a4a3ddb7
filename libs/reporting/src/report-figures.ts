import { FAILED_STATES } from '@loa/delivery';
import { type ReportCounts, type ReportError, type ReportRow, type Timeline, type TimelinePoint } from './campaign-report';
import { type ErrorRow, type StatsRow } from './reporting.repository';

/**
 * Figures of one counter row: failed is every final state but delivered and cancelled (never sent, its campaign
 * cancelled: counted apart), pending what is not final yet.
 */
export function toReportRow(row: StatsRow): ReportRow {
  const failed = FAILED_STATES.reduce((sum, state) => sum + row[state], 0);
  return {
    provinceCode: row.province_code,
    provinceName: row.province_name,
    carrier: row.carrier,
    targeted: row.targeted,
    submitted: row.submitted,
    delivered: row.delivered,
    failed,
    cancelled: row.cancelled,
    pending: row.targeted - row.delivered - failed - row.cancelled,
    undeliverable: row.undeliverable,
    expired: row.expired,
    rejected: row.rejected,
    unknown: row.unknown,
    capped: row.capped,
    expiredUnsent: row.expired_unsent,
    duplicated: row.duplicated,
    partsBilled: row.parts_billed,
    deliveryRate: rate(row.delivered, row.submitted),
  };
}

export function rate(delivered: number, submitted: number): number | null {
  return submitted > 0 ? delivered / submitted : null;
}

const SUMMED: (keyof Omit<ReportCounts, 'deliveryRate'>)[] = [
  'targeted',
  'submitted',
  'delivered',
  'failed',
  'cancelled',
  'pending',
  'undeliverable',
  'expired',
  'rejected',
  'unknown',
  'capped',
  'expiredUnsent',
  'duplicated',
  'partsBilled',
];

export function sumCounts(rows: ReportCounts[]): ReportCounts {
  const totals = Object.fromEntries(SUMMED.map((key) => [key, rows.reduce((sum, row) => sum + row[key], 0)])) as Omit<ReportCounts, 'deliveryRate'>;
  return { ...totals, deliveryRate: rate(totals.delivered, totals.submitted) };
}

/** Where a reason comes from: a receipt's `stat:… err:…`, a submit_sm_resp status (`ESME_… (0x…)`), or Loa itself. */
export function errorSource(reason: string): ReportError['source'] {
  if (reason.startsWith('stat:')) return 'receipt';
  if (/^(ESME_\w+ )?\(?0x[0-9A-F]{8}\)?/.test(reason)) return 'submit';
  return 'loa';
}

/** Reasons summed over the rows a user sees, most frequent first; the attempt count Loa appends is left out. */
export function summariseErrors(rows: ErrorRow[]): ReportError[] {
  const summed = new Map<string, ReportError>();
  for (const row of rows) {
    const reason = row.reason.replace(/ \(\d+ attempts\)$/, '') || '(không rõ)';
    const key = `${row.state}\u0000${reason}`;
    const entry = summed.get(key) ?? { source: errorSource(reason), state: row.state, reason, messages: 0 };
    entry.messages += row.messages;
    summed.set(key, entry);
  }
  return [...summed.values()].sort((a, b) => b.messages - a.messages || a.reason.localeCompare(b.reason));
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Up to this span a timeline goes per minute, beyond it per hour. */
export const MINUTE_TIMELINE_MAX_MS = 3 * HOUR_MS;

/** Per minute for a short campaign, per hour for a long one, from the counters' buckets (in time order). */
export function toTimeline(buckets: TimelinePoint[]): Timeline {
  const span = buckets.length ? buckets[buckets.length - 1].at.getTime() - buckets[0].at.getTime() : 0;
  const step = span <= MINUTE_TIMELINE_MAX_MS ? 'minute' : 'hour';
  return { step, points: binned(buckets, step === 'minute' ? MINUTE_MS : HOUR_MS) };
}

function binned(buckets: TimelinePoint[], width: number): TimelinePoint[] {
  const bins = new Map<number, TimelinePoint>();
  for (const bucket of buckets) {
    const start = Math.floor(bucket.at.getTime() / width) * width;
    const bin = bins.get(start) ?? { at: new Date(start), submitted: 0, delivered: 0 };
    bin.submitted += bucket.submitted;
    bin.delivered += bucket.delivered;
    bins.set(start, bin);
  }
  return [...bins.values()];
}
