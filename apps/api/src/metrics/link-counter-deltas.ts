import { type LinkCounters, noLinkCounters, type StoredLinkStatus } from '@loa/delivery';

export type CounterIncrements = Map<string, LinkCounters>;

/**
 * Turns the counters each dispatcher reports (from its own start) into increments since the previous
 * scrape, per carrier, so /metrics can expose true Prometheus counters: they never go down when a
 * dispatcher restarts (a new dispatcher id, counted from zero) or dies (its row stops moving).
 */
export class LinkCounterDeltas {
  private lastSeen = new Map<string, LinkCounters>();

  increments(statuses: StoredLinkStatus[]): CounterIncrements {
    const increments: CounterIncrements = new Map();
    const seen = new Map<string, LinkCounters>();
    for (const status of statuses) {
      const key = `${status.dispatcherId}\u0000${status.carrier}`;
      const previous = this.lastSeen.get(key);
      seen.set(key, status.counters);
      const total = increments.get(status.carrier) ?? noLinkCounters();
      increments.set(status.carrier, total);
      // A stale row (a dispatcher that stopped reporting) adds nothing, but is remembered: if it reports
      // again (it was only late, e.g. through a database restart), only what is new counts.
      if (!status.fresh) continue;
      for (const name of Object.keys(total) as (keyof LinkCounters)[]) {
        total[name] += Math.max(0, (status.counters[name] ?? 0) - (previous?.[name] ?? 0));
      }
    }
    this.lastSeen = seen;
    return increments;
  }
}
