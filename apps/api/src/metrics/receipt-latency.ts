import { Histogram } from 'prom-client';

/** Upper bounds (seconds) of the submit-to-receipt latency buckets: carriers answer in seconds, a switched-off handset in hours. */
export const RECEIPT_LATENCY_BUCKETS = [1, 2, 5, 10, 30, 60, 300, 1800, 3600, 6 * 3600, 24 * 3600];

/** Messages ended by a receipt since the last scrape, per carrier: count per bucket (index into the bounds, bounds.length: above all), and the sum. */
export interface LatencyCounts {
  carrier: string;
  bucket: number;
  count: number;
  sumSeconds: number;
}

type Series = { buckets: number[]; sum: number; count: number };

/**
 * A Prometheus histogram fed by counts per bucket read from PostgreSQL (the receipts are applied by the
 * dispatchers, in other processes), instead of one observe() per message: prom-client has no way to add a
 * count to a bucket, so this keeps the cumulative series itself and renders them in the histogram's form.
 */
export class ReceiptLatencyHistogram extends Histogram<'carrier'> {
  private readonly series = new Map<string, Series>();

  add(counts: LatencyCounts[]): void {
    for (const { carrier, bucket, count, sumSeconds } of counts) {
      const series = this.series.get(carrier) ?? { buckets: RECEIPT_LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.series.set(carrier, series);
      for (let index = bucket; index < RECEIPT_LATENCY_BUCKETS.length; index++) series.buckets[index] += count;
      series.sum += sumSeconds;
      series.count += count;
    }
  }

  /** What the registry renders for a histogram (prom-client prefers it to get()). */
  getForPromString(): ReturnType<Histogram<'carrier'>['get']> {
    return this.get();
  }

  override async get(): ReturnType<Histogram<'carrier'>['get']> {
    const name = RECEIPT_LATENCY_NAME;
    type Value = { metricName: string; labels: Record<string, string | number>; value: number };
    const values = [...this.series].flatMap(([carrier, series]): Value[] => [
      ...RECEIPT_LATENCY_BUCKETS.map((le, index) => ({ metricName: `${name}_bucket`, labels: { carrier, le }, value: series.buckets[index] })),
      { metricName: `${name}_bucket`, labels: { carrier, le: '+Inf' }, value: series.count },
      { metricName: `${name}_sum`, labels: { carrier }, value: series.sum },
      { metricName: `${name}_count`, labels: { carrier }, value: series.count },
    ]);
    return { name, help: RECEIPT_LATENCY_HELP, type: 'histogram' as never, aggregator: 'sum', collect: () => undefined, values };
  }
}

export const RECEIPT_LATENCY_NAME = 'loa_receipt_latency_seconds';
export const RECEIPT_LATENCY_HELP =
  'Seconds from the accepted submit_sm to the receipt that ended the message (delivered, undeliverable or expired), by carrier, since this API started.';
