import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { LinkStatusRepository, type StoredLinkStatus } from '@loa/delivery';
import { type CarrierLinkTotals, LINK_STATUS_FRESH_SECONDS, LINK_STATUS_RECENT_SECONDS, totalsByCarrier } from '../health/carrier-link-totals';
import { LinkCounterDeltas } from './link-counter-deltas';
import { MESSAGE_COUNTERS, MetricsRepository } from './metrics.repository';

const SUBMIT_OUTCOMES = ['accepted', 'retried', 'failed', 'ambiguous'] as const;

/**
 * Prometheus metrics of this API instance, read from PostgreSQL on every scrape: the carrier links
 * summed over fresh dispatcher reports (gauges; a dispatcher that died counts zero), their counters as
 * true counters (increments since the last scrape, see LinkCounterDeltas), the messages of running or
 * paused campaigns, and the receipts that matched no message.
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

  constructor(
    private readonly linkStatuses: LinkStatusRepository,
    private readonly repository: MetricsRepository,
  ) {
    collectDefaultMetrics({ register: this.registry });
  }

  async render(): Promise<string> {
    const [statuses, messages, unmatched] = await Promise.all([
      this.linkStatuses.recent(LINK_STATUS_RECENT_SECONDS, LINK_STATUS_FRESH_SECONDS),
      this.repository.activeCampaignMessages(),
      this.repository.unmatchedReceipts(),
    ]);
    this.setCarriers(totalsByCarrier(statuses));
    this.countIncrements(statuses);
    for (const state of MESSAGE_COUNTERS) this.messages.set({ state }, messages[state]);
    this.unmatchedReceipts.reset();
    for (const { carrier, count } of unmatched) this.unmatchedReceipts.set({ carrier }, count);
    return this.registry.metrics();
  }

  private setCarriers(totals: CarrierLinkTotals[]): void {
    // Reset first: a carrier no dispatcher reports any more must disappear, not keep its last value.
    for (const gauge of [this.boundSessions, this.inFlight, this.queued]) gauge.reset();
    for (const total of totals) {
      const carrier = total.carrier;
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
    }
  }

  private carrierCounter(name: string, help: string): Counter<'carrier'> {
    return new Counter({ name, help, labelNames: ['carrier'] as const, registers: [this.registry] });
  }

  private carrierGauge(name: string, help: string): Gauge<'carrier'> {
    return new Gauge({ name, help, labelNames: ['carrier'] as const, registers: [this.registry] });
  }
}
