import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '@loa/database';
import { BUCKET_COUNTERS, STATS_BUCKET_WIDTH } from '@loa/delivery';

/** A counter row: targeted and every bucket counter (counted states, duplicated, parts_billed), as numbers. */
export type StatsRow = { province_code: string; province_name: string; carrier: string; targeted: number } & Record<(typeof BUCKET_COUNTERS)[number], number>;

export interface TimesRow {
  province_code: string;
  first_sent_at: Date | null;
  last_sent_at: Date | null;
  first_receipt_at: Date | null;
  last_receipt_at: Date | null;
}

export interface ErrorRow {
  province_code: string;
  carrier: string;
  state: string;
  reason: string;
  messages: number;
}

export interface CarrierReportRow {
  campaign_id: string;
  carrier: string;
  targeted: number;
  sent: number;
  delivered: number;
  reported_on: string;
  reference: string | null;
  recorded_at: Date;
}

/** A text a campaign sent to one province, with the template version it was rendered from. */
export interface SentTextRow {
  campaign_id: string;
  template_name: string;
  template_version: number;
  province_code: string;
  province_name: string;
  body: string;
}

export interface NewCarrierReport {
  carrier: string;
  targeted: number;
  sent: number;
  delivered: number;
  reportedOn: string;
  reference: string | null;
}

export interface DeadlineRow {
  id: string;
  name: string;
  report_deadline: Date;
  state: string;
  targeted: number;
  submitted: number;
  delivered: number;
}

const COUNTERS = BUCKET_COUNTERS.map((counter) => `s.${counter}::float8 AS ${counter}`).join(', ');
const BUCKET_SUMS = BUCKET_COUNTERS.map((counter) => `sum(${counter}) AS ${counter}`).join(', ');
const BUCKETED = BUCKET_COUNTERS.map((counter) => `COALESCE(b.${counter}, 0)::float8 AS ${counter}`).join(', ');

/**
 * Reports read the counters kept beside the messages (running totals, and per time bucket for "as of" and the
 * timeline), never a GROUP BY over messages; the one exception is a programme's distinct subscribers reached.
 */
@Injectable()
export class ReportingRepository {
  private bucketWidth?: Promise<number>;

  constructor(private readonly db: DataSource) {}

  stats(campaignIds: number[]): Promise<(StatsRow & TimesRow & { campaign_id: string })[]> {
    return queryRows(
      this.db,
      `SELECT s.campaign_id, s.province_code, p.name AS province_name, s.carrier, s.targeted::float8 AS targeted, ${COUNTERS},
              s.first_sent_at, s.last_sent_at, s.first_receipt_at, s.last_receipt_at
       FROM campaign_stats s JOIN provinces p ON p.code = s.province_code
       WHERE s.campaign_id = ANY($1) ORDER BY s.campaign_id, s.province_code, s.carrier`,
      [campaignIds],
    );
  }

  /**
   * The counters as they stood at `until` (a bucket boundary): targeted as materialised, the rest summed over the
   * buckets ended by then, and the first and last send and receipt the earliest and latest of those buckets'.
   */
  statsAsOf(campaignId: number, until: Date): Promise<(StatsRow & TimesRow)[]> {
    return queryRows(
      this.db,
      `SELECT s.province_code, p.name AS province_name, s.carrier, s.targeted::float8 AS targeted, ${BUCKETED},
              b.first_sent_at, b.last_sent_at, b.first_receipt_at, b.last_receipt_at
       FROM campaign_stats s JOIN provinces p ON p.code = s.province_code
       LEFT JOIN (
         SELECT province_code, carrier, ${BUCKET_SUMS},
                min(first_sent_at) AS first_sent_at, max(last_sent_at) AS last_sent_at,
                min(first_receipt_at) AS first_receipt_at, max(last_receipt_at) AS last_receipt_at
         FROM campaign_stats_buckets
         WHERE campaign_id = $1 AND bucket_end <= $2 GROUP BY 1, 2
       ) b ON b.province_code = s.province_code AND b.carrier = s.carrier
       WHERE s.campaign_id = $1 ORDER BY s.province_code, s.carrier`,
      [campaignId, until],
    );
  }

  /** The width of the counters' time buckets in seconds (a database setting, read once). */
  async bucketSeconds(): Promise<number> {
    this.bucketWidth ??= queryRows<{ seconds: number }>(this.db, `SELECT extract(epoch FROM ${STATS_BUCKET_WIDTH})::int AS seconds`).then(
      ([row]) => row.seconds,
    );
    return this.bucketWidth;
  }

  /**
   * Submitted and delivered per bucket (its start) over the campaign's buckets in `provinces` (null: all):
   * grouped by the key's own order, so the index streams it without a hash; minutes and hours are binned after.
   */
  timelineByBucket(campaignId: number, provinces: string[] | null): Promise<{ at: Date; submitted: number; delivered: number }[]> {
    return queryRows(
      this.db,
      `SELECT b.bucket_end - ${STATS_BUCKET_WIDTH} AS at, sum(b.submitted)::float8 AS submitted, sum(b.delivered)::float8 AS delivered
       FROM campaign_stats_buckets b
       WHERE b.campaign_id = $1 AND ($2::text[] IS NULL OR b.province_code = ANY($2))
       GROUP BY b.bucket_end ORDER BY b.bucket_end`,
      [campaignId, provinces],
    );
  }

  errors(campaignId: number): Promise<ErrorRow[]> {
    return queryRows(this.db, `SELECT province_code, carrier, state, reason, messages FROM campaign_errors WHERE campaign_id = $1`, [campaignId]);
  }

  /** The latest record of each carrier's own report, per campaign. */
  carrierReports(campaignIds: number[]): Promise<CarrierReportRow[]> {
    return queryRows(
      this.db,
      `SELECT DISTINCT ON (campaign_id, carrier) campaign_id, carrier, targeted, sent, delivered,
              to_char(reported_on, 'YYYY-MM-DD') AS reported_on, reference, recorded_at
       FROM carrier_reports WHERE campaign_id = ANY($1) ORDER BY campaign_id, carrier, id DESC`,
      [campaignIds],
    );
  }

  async insertCarrierReport(campaignId: number, report: NewCarrierReport, recordedBy: number, manager: EntityManager): Promise<number> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO carrier_reports (campaign_id, carrier, targeted, sent, delivered, reported_on, reference, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [campaignId, report.carrier, report.targeted, report.sent, report.delivered, report.reportedOn, report.reference, recordedBy],
    );
    return Number(row.id);
  }

  /**
   * Distinct numbers that received a message of these campaigns in `provinces` (null: all). The one count over
   * messages: a number reached by two sends counts once, which no per-campaign counter can tell.
   */
  async distinctDelivered(campaignIds: number[], provinces: string[] | null): Promise<number> {
    const [row] = await queryRows<{ reached: number }>(
      this.db,
      `SELECT count(DISTINCT msisdn)::float8 AS reached FROM messages
       WHERE campaign_id = ANY($1) AND state = 'delivered' AND ($2::text[] IS NULL OR province_code = ANY($2))`,
      [campaignIds, provinces],
    );
    return row.reached;
  }

  /** The texts the campaigns sent (one per province, in `provinces`, null: all), with their template's name and version. */
  sentTexts(campaignIds: number[], provinces: string[] | null): Promise<SentTextRow[]> {
    return queryRows(
      this.db,
      `SELECT t.campaign_id, tp.name AS template_name, tp.version AS template_version, t.province_code, p.name AS province_name, t.body
       FROM campaign_texts t
       JOIN campaigns c ON c.id = t.campaign_id
       JOIN templates tp ON tp.id = c.template_id
       JOIN provinces p ON p.code = t.province_code
       WHERE t.campaign_id = ANY($1) AND ($2::text[] IS NULL OR t.province_code = ANY($2))
       ORDER BY t.campaign_id, t.province_code`,
      [campaignIds, provinces],
    );
  }

  /** Campaigns touching `provinces` (null: all) whose report is due in [from, to], with their counters in those provinces. */
  campaignDeadlines(from: Date, to: Date, provinces: string[] | null): Promise<DeadlineRow[]> {
    return queryRows(
      this.db,
      `SELECT c.id, c.name, c.report_deadline, c.state,
              COALESCE(sum(s.targeted), 0)::float8 AS targeted, COALESCE(sum(s.submitted), 0)::float8 AS submitted,
              COALESCE(sum(s.delivered), 0)::float8 AS delivered
       FROM campaigns c
       LEFT JOIN campaign_stats s ON s.campaign_id = c.id AND ($3::text[] IS NULL OR s.province_code = ANY($3))
       WHERE c.report_deadline BETWEEN $1 AND $2 AND ($3::text[] IS NULL OR c.provinces && $3)
       GROUP BY c.id ORDER BY c.report_deadline, c.id`,
      [from, to, provinces],
    );
  }

  /** Programmes touching `provinces` (null: all) whose report is due in [from, to], with their campaigns' counters; state: the least advanced campaign's. */
  programmeDeadlines(from: Date, to: Date, provinces: string[] | null): Promise<DeadlineRow[]> {
    return queryRows(
      this.db,
      `SELECT g.id, g.name, g.report_deadline,
              CASE WHEN count(c.id) = 0 THEN 'empty'
                   WHEN bool_and(c.state IN ('completed', 'cancelled')) THEN 'completed' ELSE 'in_progress' END AS state,
              COALESCE(sum(s.targeted), 0)::float8 AS targeted, COALESCE(sum(s.submitted), 0)::float8 AS submitted,
              COALESCE(sum(s.delivered), 0)::float8 AS delivered
       FROM programmes g
       LEFT JOIN campaigns c ON c.programme_id = g.id
       LEFT JOIN campaign_stats s ON s.campaign_id = c.id AND ($3::text[] IS NULL OR s.province_code = ANY($3))
       WHERE g.report_deadline BETWEEN $1 AND $2 AND ($3::text[] IS NULL OR g.provinces && $3)
       GROUP BY g.id ORDER BY g.report_deadline, g.id`,
      [from, to, provinces],
    );
  }
}
