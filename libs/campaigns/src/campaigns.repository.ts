import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '@loa/database';
import { assertCampaignMoves, CAMPAIGN_FINAL_STATES } from '@loa/delivery';
import { type Campaign, type CampaignState, type NewCampaign } from './campaign';
import { type RenderedCampaignText } from './campaign-texts.renderer';
import { type SendLimitsRequest } from './send-limit-overrides';
import { type SendWindow, toSendWindow } from './send-window';

const COLUMNS = `id, name, template_id, provinces, carriers, state, start_at, validity_hours, window_start, window_end, daily_cap_lifted, on_ambiguous, report_deadline, programme_id, priority,
  created_by, approved_by, created_at, materialised_at, completed_at`;

/** What GET /campaigns narrows its list by; every field optional. */
export interface CampaignFilter {
  state?: string;
  /** One province code the campaign targets. */
  province?: string;
  /** Start date from / to (inclusive), yyyy-mm-dd in Viet Nam. */
  from?: string;
  to?: string;
  /** Part of the name, any case. */
  name?: string;
}

@Injectable()
export class CampaignsRepository {
  constructor(private readonly db: DataSource) {}

  async findById(id: number, manager: EntityManager = this.db.manager): Promise<Campaign | null> {
    const rows = await queryRows<CampaignRow>(manager, `SELECT ${COLUMNS} FROM campaigns WHERE id = $1`, [id]);
    return rows.length ? toCampaign(rows[0]) : null;
  }

  /** The campaigns of a programme, oldest first. */
  async ofProgramme(programmeId: number): Promise<Campaign[]> {
    const rows = await queryRows<CampaignRow>(this.db, `SELECT ${COLUMNS} FROM campaigns WHERE programme_id = $1 ORDER BY id`, [programmeId]);
    return rows.map(toCampaign);
  }

  /**
   * The campaigns a dispatcher serves before one with this priority and id on any of `carriers`: running or
   * scheduled, a higher priority, or the same and an older id (the dispatcher claims by priority DESC, id).
   * A draft (`id` null) comes after every campaign of its priority.
   */
  async servedBefore(carriers: string[], priority: number, id: number | null): Promise<Campaign[]> {
    const rows = await queryRows<CampaignRow>(
      this.db,
      `SELECT ${COLUMNS} FROM campaigns
       WHERE state IN ('scheduled', 'running') AND carriers && $1::text[]
         AND (priority > $2 OR (priority = $2 AND ($3::bigint IS NULL OR id < $3)))
       ORDER BY priority DESC, id`,
      [carriers, priority, id],
    );
    return rows.map(toCampaign);
  }

  /** Campaigns touching at least one of `provinces` (null = all). */
  /** Newest first, touching `provinces` (null: all), narrowed by `filter` (start dates are Viet Nam's calendar days). */
  async list(provinces: string[] | null, limit: number, offset: number, filter: CampaignFilter = {}): Promise<Campaign[]> {
    const rows = await queryRows<CampaignRow>(
      this.db,
      `SELECT ${COLUMNS} FROM campaigns
       WHERE ($1::text[] IS NULL OR provinces && $1)
         AND ($4::text IS NULL OR state = $4)
         AND ($5::text IS NULL OR $5 = ANY(provinces))
         AND ($6::date IS NULL OR start_at >= $6::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
         AND ($7::date IS NULL OR start_at < ($7::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
         AND ($8::text IS NULL OR name ILIKE '%' || $8 || '%')
       ORDER BY id DESC LIMIT $2 OFFSET $3`,
      [
        provinces,
        limit,
        offset,
        filter.state ?? null,
        filter.province ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.name ? filter.name.replace(/[\\%_]/g, (c) => `\\${c}`) : null,
      ],
    );
    return rows.map(toCampaign);
  }

  async insert(campaign: CampaignRecord, createdBy: number, manager: EntityManager): Promise<Campaign> {
    const rows = await queryRows<CampaignRow>(
      manager,
      `INSERT INTO campaigns (name, template_id, provinces, carriers, state, start_at, validity_hours, on_ambiguous, report_deadline, priority, created_by,
         window_start, window_end, daily_cap_lifted, programme_id)
       VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING ${COLUMNS}`,
      [
        campaign.name,
        campaign.templateId,
        campaign.provinces,
        campaign.carriers,
        campaign.startAt,
        campaign.validityHours,
        campaign.onAmbiguous,
        campaign.reportDeadline ?? null,
        campaign.priority,
        createdBy,
        ...windowColumns(campaign.sendWindow),
        campaign.dailyCapLifted,
        campaign.programmeId ?? null,
      ],
    );
    return toCampaign(rows[0]);
  }

  /** Sets a campaign's window and cap; null if it has finished (completed or cancelled). */
  async setSendLimits(id: number, sendWindow: SendWindow, dailyCapLifted: boolean, manager: EntityManager): Promise<Campaign | null> {
    const rows = await queryRows<CampaignRow>(
      manager,
      `UPDATE campaigns SET window_start = $2, window_end = $3, daily_cap_lifted = $4, updated_at = now()
       WHERE id = $1 AND state NOT IN ('completed', 'cancelled') RETURNING ${COLUMNS}`,
      [id, ...windowColumns(sendWindow), dailyCapLifted],
    );
    return rows.length ? toCampaign(rows[0]) : null;
  }

  async insertTexts(campaignId: number, texts: RenderedCampaignText[], manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO campaign_texts (campaign_id, province_code, body, encoding, segments, carrier_segments)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::jsonb[])`,
      [
        campaignId,
        texts.map((t) => t.provinceCode),
        texts.map((t) => t.body),
        texts.map((t) => t.encoding),
        texts.map((t) => t.segments),
        texts.map((t) => JSON.stringify(t.carrierSegments)),
      ],
    );
  }

  /** Moves a campaign between states; null if it was not in `from`. Throws for a move the campaign state machine does not allow. */
  async transition(id: number, from: CampaignState[], to: CampaignState, approvedBy: number | null, manager: EntityManager): Promise<Campaign | null> {
    assertCampaignMoves(from, to);
    const rows = await queryRows<CampaignRow>(
      manager,
      `UPDATE campaigns SET state = $3, updated_at = now(), approved_by = COALESCE($4, approved_by),
         completed_at = CASE WHEN $3 = ANY($5::text[]) THEN now() ELSE completed_at END
       WHERE id = $1 AND state = ANY($2) RETURNING ${COLUMNS}`,
      [id, from, to, approvedBy, CAMPAIGN_FINAL_STATES],
    );
    return rows.length ? toCampaign(rows[0]) : null;
  }
}

/** What a new campaign row holds: its fields resolved (defaults applied, window and cap checked). */
export type CampaignRecord = Required<Omit<NewCampaign, 'reportDeadline' | 'programmeId' | keyof SendLimitsRequest>> &
  Pick<NewCampaign, 'reportDeadline' | 'programmeId'> & { sendWindow: SendWindow; dailyCapLifted: boolean };

function windowColumns(window: SendWindow): [string | null, string | null] {
  return window.kind === 'lifted' ? [null, null] : [window.start, window.end];
}

interface CampaignRow {
  id: string;
  name: string;
  template_id: string;
  provinces: string[];
  carriers: Campaign['carriers'];
  state: CampaignState;
  start_at: Date;
  validity_hours: number;
  window_start: string | null;
  window_end: string | null;
  daily_cap_lifted: boolean;
  on_ambiguous: Campaign['onAmbiguous'];
  report_deadline: Date | null;
  programme_id: string | null;
  priority: number;
  created_by: string;
  approved_by: string | null;
  created_at: Date;
  materialised_at: Date | null;
  completed_at: Date | null;
}

function toCampaign(row: CampaignRow): Campaign {
  return {
    id: Number(row.id),
    name: row.name,
    templateId: Number(row.template_id),
    provinces: row.provinces,
    carriers: row.carriers,
    state: row.state,
    startAt: row.start_at,
    validityHours: row.validity_hours,
    sendWindow: toSendWindow(row.window_start, row.window_end),
    dailyCapLifted: row.daily_cap_lifted,
    onAmbiguous: row.on_ambiguous,
    reportDeadline: row.report_deadline,
    programmeId: row.programme_id === null ? null : Number(row.programme_id),
    priority: row.priority,
    createdBy: Number(row.created_by),
    approvedBy: row.approved_by === null ? null : Number(row.approved_by),
    createdAt: row.created_at,
    materialisedAt: row.materialised_at,
    completedAt: row.completed_at,
  };
}
