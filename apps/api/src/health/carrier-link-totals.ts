import { type LinkCounters, noLinkCounters, type StoredLinkStatus } from '@loa/delivery';

/** Three missed 5 s status writes: a dispatcher this quiet is taken for gone. */
export const LINK_STATUS_FRESH_SECONDS = 15;
/** A dispatcher gone for longer than this is forgotten (decommissioned, or long replaced). */
export const LINK_STATUS_RECENT_SECONDS = 3600;

/** One carrier account summed over every dispatcher that reported it recently. */
export interface CarrierLinkTotals {
  carrier: string;
  boundSessions: number;
  inFlight: number;
  queued: number;
  /** How many dispatchers' links are in each state, e.g. { bound: 2, connecting: 1 }; `gone` for a dispatcher that stopped reporting. */
  links: Record<string, number>;
  counters: LinkCounters;
}

export function totalsByCarrier(statuses: StoredLinkStatus[]): CarrierLinkTotals[] {
  const totals = new Map<string, CarrierLinkTotals>();
  for (const status of statuses) {
    const total = totals.get(status.carrier) ?? emptyTotals(status.carrier);
    totals.set(status.carrier, total);
    if (!status.fresh) {
      total.links.gone = (total.links.gone ?? 0) + 1;
      continue;
    }
    total.boundSessions += status.boundSessions;
    total.inFlight += status.inFlight;
    total.queued += status.queued;
    total.links[status.state] = (total.links[status.state] ?? 0) + 1;
    for (const key of Object.keys(total.counters) as (keyof LinkCounters)[]) total.counters[key] += status.counters[key] ?? 0;
  }
  return [...totals.values()].sort((a, b) => a.carrier.localeCompare(b.carrier));
}

function emptyTotals(carrier: string): CarrierLinkTotals {
  return {
    carrier,
    boundSessions: 0,
    inFlight: 0,
    queued: 0,
    links: {},
    counters: noLinkCounters(),
  };
}
