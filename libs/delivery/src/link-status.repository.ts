import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '@loa/database';
import { type LinkStatus } from '@loa/smpp';
import { DELETE_LINK_STATUSES, RECENT_LINK_STATUSES, UPSERT_LINK_STATUSES } from './link-status.sql';

/** A link's counters, as the link keeps them (one definition, in libs/smpp). */
export type LinkCounters = LinkStatus['counters'];

/** Every counter at zero: the start of a sum. */
export function noLinkCounters(): LinkCounters {
  return { submitted: 0, accepted: 0, retried: 0, failed: 0, ambiguous: 0, receipts: 0, inbound: 0, reconnects: 0, lateResponses: 0 };
}

/** What the dashboard and the metrics show of a link beyond its counters (a jsonb column: older rows have `{}`). */
export interface LinkDetails {
  /** The share of the account's TPS and window this link sends at. */
  tps?: number;
  window?: number;
  /** submit_sm PDUs written since the link started (the rate is its change over time). */
  pdusSent?: number;
  /** Pauses after throttled / queue-full answers. */
  throttlePauses?: number;
  /** submit_sm_resp by command_status (decimal), receipts by stat. */
  answers?: Record<string, number>;
  receiptStates?: Record<string, number>;
  lastError?: { message: string; at: number } | null;
}

/** What a dispatcher reports about one of its carrier links; never credentials. */
export interface LinkStatusReport {
  carrier: string;
  state: string;
  boundSessions: number;
  inFlight: number;
  queued: number;
  counters: LinkCounters;
  details?: LinkDetails;
}

export interface StoredLinkStatus extends LinkStatusReport {
  dispatcherId: string;
  updatedAt: Date;
  /** Written recently enough to trust; a stale row is a dispatcher that died. */
  fresh: boolean;
}

interface LinkStatusRow {
  dispatcher_id: string;
  carrier: string;
  state: string;
  bound_sessions: number;
  in_flight: number;
  queued: number;
  counters: LinkCounters;
  details: LinkDetails;
  updated_at: Date;
  fresh: boolean;
}

/** The carrier links' status as dispatchers last reported it, for the API's health and metrics. */
@Injectable()
export class LinkStatusRepository {
  constructor(private readonly db: DataSource) {}

  async write(dispatcherId: string, reports: LinkStatusReport[]): Promise<void> {
    if (reports.length === 0) return;
    await this.db.query(UPSERT_LINK_STATUSES, [
      dispatcherId,
      reports.map((r) => r.carrier),
      reports.map((r) => r.state),
      reports.map((r) => r.boundSessions),
      reports.map((r) => r.inFlight),
      reports.map((r) => r.queued),
      reports.map((r) => JSON.stringify(r.counters)),
      reports.map((r) => JSON.stringify(r.details ?? {})),
    ]);
  }

  /** Reports of the last `recentSeconds`, marked fresh when younger than `freshSeconds`. */
  async recent(recentSeconds: number, freshSeconds: number): Promise<StoredLinkStatus[]> {
    const rows = await queryRows<LinkStatusRow>(this.db, RECENT_LINK_STATUSES, [recentSeconds, freshSeconds]);
    return rows.map((row) => ({
      dispatcherId: row.dispatcher_id,
      carrier: row.carrier,
      state: row.state,
      boundSessions: row.bound_sessions,
      inFlight: row.in_flight,
      queued: row.queued,
      counters: row.counters,
      details: row.details ?? {},
      updatedAt: row.updated_at,
      fresh: row.fresh,
    }));
  }

  async remove(dispatcherId: string): Promise<void> {
    await this.db.query(DELETE_LINK_STATUSES, [dispatcherId]);
  }
}
