import { type LinkCounters, noLinkCounters, type StoredLinkStatus } from '@loa/delivery';

/** A link's counters and its details' counts, flat: `accepted`, `pdusSent`, `throttlePauses`, `answer:88`, `stat:DELIVRD`… */
export type FlatCounters = LinkCounters & Record<string, number>;
export type CounterIncrements = Map<string, FlatCounters>;

export function flatCounters(status: StoredLinkStatus): Record<string, number> {
  const details = status.details ?? {};
  const flat: Record<string, number> = { ...status.counters, pdusSent: details.pdusSent ?? 0, throttlePauses: details.throttlePauses ?? 0 };
  for (const [code, count] of Object.entries(details.answers ?? {})) flat[`answer:${code}`] = count;
  for (const [stat, count] of Object.entries(details.receiptStates ?? {})) flat[`stat:${stat}`] = count;
  return flat;
}

/**
 * Turns the counters each dispatcher reports (from its own start) into increments since the previous
 * scrape, per carrier, so /metrics can expose true Prometheus counters: they never go down when a
 * dispatcher restarts (a new dispatcher id, counted from zero) or dies (its row stops moving).
 */
export class LinkCounterDeltas {
  private lastSeen = new Map<string, Record<string, number>>();

  increments(statuses: StoredLinkStatus[]): CounterIncrements {
    const increments: CounterIncrements = new Map();
    const seen = new Map<string, Record<string, number>>();
    for (const status of statuses) {
      const key = `${status.dispatcherId}\u0000${status.carrier}`;
      const previous = this.lastSeen.get(key);
      const current = flatCounters(status);
      seen.set(key, current);
      const total = increments.get(status.carrier) ?? ({ ...noLinkCounters(), pdusSent: 0, throttlePauses: 0 } as FlatCounters);
      increments.set(status.carrier, total);
      // A stale row (a dispatcher that stopped reporting) adds nothing, but is remembered: if it reports
      // again (it was only late, e.g. through a database restart), only what is new counts.
      if (!status.fresh) continue;
      for (const [name, value] of Object.entries(current)) {
        total[name] = (total[name] ?? 0) + Math.max(0, (value ?? 0) - (previous?.[name] ?? 0));
      }
    }
    this.lastSeen = seen;
    return increments;
  }
}
