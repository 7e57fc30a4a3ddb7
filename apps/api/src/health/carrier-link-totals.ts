import { type LinkCounters, type LinkDetails, noLinkCounters, type StoredLinkStatus } from '@loa/delivery';

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
  /** Summed over fresh reports; lastError is the latest of any dispatcher's, fresh or not. */
  details: Required<LinkDetails>;
}

export function totalsByCarrier(statuses: StoredLinkStatus[]): CarrierLinkTotals[] {
  const totals = new Map<string, CarrierLinkTotals>();
  for (const status of statuses) {
    const total = totals.get(status.carrier) ?? emptyTotals(status.carrier);
    totals.set(status.carrier, total);
    keepLatestError(total.details, status.details?.lastError);
    if (!status.fresh) {
      total.links.gone = (total.links.gone ?? 0) + 1;
      continue;
    }
    total.boundSessions += status.boundSessions;
    total.inFlight += status.inFlight;
    total.queued += status.queued;
    total.links[status.state] = (total.links[status.state] ?? 0) + 1;
    for (const key of Object.keys(total.counters) as (keyof LinkCounters)[]) total.counters[key] += status.counters[key] ?? 0;
    addDetails(total.details, status.details ?? {});
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
    details: { tps: 0, window: 0, pdusSent: 0, throttlePauses: 0, answers: {}, receiptStates: {}, lastError: null },
  };
}

function addDetails(total: Required<LinkDetails>, details: LinkDetails): void {
  total.tps += details.tps ?? 0;
  total.window += details.window ?? 0;
  total.pdusSent += details.pdusSent ?? 0;
  total.throttlePauses += details.throttlePauses ?? 0;
  addCounts(total.answers, details.answers);
  addCounts(total.receiptStates, details.receiptStates);
}

export function addCounts(total: Record<string, number>, counts: Record<string, number> | undefined): void {
  for (const [key, count] of Object.entries(counts ?? {})) total[key] = (total[key] ?? 0) + count;
}

function keepLatestError(total: Required<LinkDetails>, error: LinkDetails['lastError']): void {
  if (error && (!total.lastError || error.at > total.lastError.at)) total.lastError = error;
}
