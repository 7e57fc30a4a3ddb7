import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { BrandnameCertificates } from '@loa/campaigns';
import { LinkStatusRepository, type StoredLinkStatus } from '@loa/delivery';
import { type CarrierLinkTotals, LINK_STATUS_FRESH_SECONDS, LINK_STATUS_RECENT_SECONDS, totalsByCarrier } from '../health/carrier-link-totals';
import { LinkCounterDeltas } from './link-counter-deltas';
import { MESSAGE_COUNTERS, MetricsRepository } from './metrics.repository';
import { RECEIPT_LATENCY_BUCKETS, RECEIPT_LATENCY_HELP, RECEIPT_LATENCY_NAME, ReceiptLatencyHistogram } from './receipt-latency';

const SUBMIT_OUTCOMES = ['accepted', 'retried', 'failed', 'ambiguous'] as const;

/**
 * Prometheus metrics of this API instance, read from PostgreSQL on every scrape: the carrier links
 * summed over fresh dispatcher reports (gauges; a dispatcher that died counts zero), their counters as
 * true counters (increments since the last scrape, see LinkCounterDeltas), the messages of running or
 * paused campaigns, and the receipts that matched no message. Public like the health checks, so it names
 * no campaign: per carrier and per state only.
 * A registry of its own, so that several applications in one process (tests) do not clash.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly boundSessions = this.carrierGauge('loa_carrier_bound_sessions', 'SMPP sessions bound, over all dispatchers.');
  private readonly inFlight = this.carrierGauge('loa_carrier_in_flight', 'Submits awaiting their response.');
  private readonly queued = this.carrierGauge('loa_carrier_queued', 'Message parts waiting for a window slot, a TPS token or the end of a pause.');
  private readonly receipts = this.carrierCounter('loa_carrier_receipts_total', 'Delivery receipts received, over all dispatchers, since this API started.');
  private readonly reconnects = this.carrierCounter('loa_carrier_reconnects_total', 'Session reconnects, over all dispatchers, since this API started.');
  private readonly submits = new Counter({
    name: 'loa_carrier_submits_total',
    help: 'Submit outcomes, over all dispatchers, since this API started (never down when a dispatcher restarts).',
    labelNames: ['carrier', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly answers = new Counter({
    name: 'loa_carrier_submit_answers_total',
    help: 'submit_sm_resp received, by command_status (hex), over all dispatchers, since this API started.',
    labelNames: ['carrier', 'command_status'] as const,
    registers: [this.registry],
  });
  private readonly receiptStats = new Counter({
    name: 'loa_carrier_receipts_by_stat_total',
    help: 'Delivery receipts received, by stat (DELIVRD, UNDELIV, EXPIRED…; none: unreadable), over all dispatchers, since this API started.',
    labelNames: ['carrier', 'stat'] as const,
    registers: [this.registry],
  });
  private readonly throttlePauses = this.carrierCounter(
    'loa_carrier_throttle_pauses_total',
    'Link pauses after a throttled (0x58) or queue-full (0x14) answer, over all dispatchers, since this API started.',
  );
  private readonly pdusSent = this.carrierCounter('loa_carrier_pdus_sent_total', 'submit_sm PDUs written, over all dispatchers, since this API started.');
  private readonly tps = this.carrierGauge('loa_carrier_tps', 'submit_sm per second the running links may send (their shares of the account).');
  private readonly window = this.carrierGauge('loa_carrier_window', 'Outstanding submits the running links allow.');
  // Per carrier, never per campaign: /metrics is public, and a campaign's figures are for its provinces' users.
  private readonly queuedMessages = this.carrierGauge('loa_queued_messages', 'Messages waiting in the queue of the running or paused campaigns.');
  private readonly receiptLatency = new ReceiptLatencyHistogram({
    name: RECEIPT_LATENCY_NAME,
    help: RECEIPT_LATENCY_HELP,
    labelNames: ['carrier'] as const,
    buckets: RECEIPT_LATENCY_BUCKETS,
    registers: [this.registry],
  });
  /** HTTP requests of this API, observed by the request-metrics middleware. */
  readonly httpDurations = new Histogram({
    name: 'loa_http_request_duration_seconds',
    help: 'HTTP requests of this API by method, route and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private latencySince: Date | null = null;
  private readonly deltas = new LinkCounterDeltas();
  private readonly unmatchedReceipts = new Gauge({
    name: 'loa_receipts_unmatched',
    help: 'Receipts retired without finding their message (no SMSC id, or one never recorded: duplicates after a crash, resends), kept raw.',
    labelNames: ['carrier'] as const,
    registers: [this.registry],
  });
  private readonly messages = new Gauge({
    name: 'loa_messages',
    help: 'Messages of running or paused campaigns, by the campaign counter they reached (targeted: all of them).',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  private readonly certificateDaysLeft = new Gauge({
    name: 'loa_brandname_certificate_days_left',
    help: "Days from today (Viet Nam) to the last day of the brandname's certificate: 0 on that day, negative once lapsed; accounts with no certificate on record are left out.",
    labelNames: ['carrier', 'brandname'] as const,
    registers: [this.registry],
  });

  constructor(
    private readonly linkStatuses: LinkStatusRepository,
    private readonly repository: MetricsRepository,
    private readonly certificates: BrandnameCertificates,
  ) {
    collectDefaultMetrics({ register: this.registry });
  }

  async render(): Promise<string> {
    const [statuses, messages, unmatched, queuedByCarrier] = await Promise.all([
      this.linkStatuses.recent(LINK_STATUS_RECENT_SECONDS, LINK_STATUS_FRESH_SECONDS),
      this.repository.activeCampaignMessages(),
      this.repository.unmatchedReceipts(),
      this.repository.queuedPerCarrier(),
      this.countReceiptLatencies(),
    ]);
    this.queuedMessages.reset();
    for (const { carrier, queued } of queuedByCarrier) this.queuedMessages.set({ carrier }, queued);
    this.setCarriers(totalsByCarrier(statuses));
    this.countIncrements(statuses);
    for (const state of MESSAGE_COUNTERS) this.messages.set({ state }, messages[state]);
    this.unmatchedReceipts.reset();
    for (const { carrier, count } of unmatched) this.unmatchedReceipts.set({ carrier }, count);
    this.setCertificateDaysLeft();
    return this.registry.metrics();
  }

  /** Per carrier and brandname; two accounts under one brandname show the one that lapses first. */
  private setCertificateDaysLeft(): void {
    const least = new Map<string, { carrier: string; brandname: string; daysLeft: number }>();
    for (const { carrier, brandname, daysLeft } of this.certificates.statuses()) {
      const key = `${carrier}\n${brandname}`;
      if (daysLeft !== null && daysLeft < (least.get(key)?.daysLeft ?? Infinity)) least.set(key, { carrier, brandname, daysLeft });
    }
    this.certificateDaysLeft.reset();
    for (const { carrier, brandname, daysLeft } of least.values()) this.certificateDaysLeft.set({ carrier, brandname }, daysLeft);
  }

  private setCarriers(totals: CarrierLinkTotals[]): void {
    // Reset first: a carrier no dispatcher reports any more must disappear, not keep its last value.
    for (const gauge of [this.boundSessions, this.inFlight, this.queued]) gauge.reset();
    for (const gauge of [this.tps, this.window]) gauge.reset();
    for (const total of totals) {
      const carrier = total.carrier;
      this.tps.set({ carrier }, total.details.tps);
      this.window.set({ carrier }, total.details.window);
      this.boundSessions.set({ carrier }, total.boundSessions);
      this.inFlight.set({ carrier }, total.inFlight);
      this.queued.set({ carrier }, total.queued);
    }
  }

  private countIncrements(statuses: StoredLinkStatus[]): void {
    for (const [carrier, increments] of this.deltas.increments(statuses)) {
      this.receipts.inc({ carrier }, increments.receipts);
      this.reconnects.inc({ carrier }, increments.reconnects);
      for (const outcome of SUBMIT_OUTCOMES) this.submits.inc({ carrier, outcome }, increments[outcome]);
      this.throttlePauses.inc({ carrier }, increments.throttlePauses);
      this.pdusSent.inc({ carrier }, increments.pdusSent);
      for (const [key, count] of Object.entries(increments)) {
        if (key.startsWith('answer:')) this.answers.inc({ carrier, command_status: commandStatusLabel(key.slice('answer:'.length)) }, count);
        else if (key.startsWith('stat:')) this.receiptStats.inc({ carrier, stat: key.slice('stat:'.length) }, count);
      }
    }
  }

  /** Adds the messages ended by a receipt since the previous scrape; the first scrape only sets the start. */
  private async countReceiptLatencies(): Promise<void> {
    const until = await this.repository.latencyWatermark();
    const since = this.latencySince;
    this.latencySince = until;
    if (since) this.receiptLatency.add(await this.repository.receiptLatencies(since, until, RECEIPT_LATENCY_BUCKETS));
  }

  private carrierCounter(name: string, help: string): Counter<'carrier'> {
    return new Counter({ name, help, labelNames: ['carrier'] as const, registers: [this.registry] });
  }

  private carrierGauge(name: string, help: string): Gauge<'carrier'> {
    return new Gauge({ name, help, labelNames: ['carrier'] as const, registers: [this.registry] });
  }
}

/** 88 -> 0x00000058, as SMPP documents and carriers' operators write it. */
function commandStatusLabel(decimal: string): string {
  return `0x${Number(decimal).toString(16).toUpperCase().padStart(8, '0')}`;
}
