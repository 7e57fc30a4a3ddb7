import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '@loa/database';
import { type NewTemplate, type Template, type TemplateStatus } from './template';

const COLUMNS = `id, family_id, version, name, body, encoding_policy, max_segments, status, author_id, provinces, decided_by,
  rejection_reason, created_at, submitted_at, decided_at`;

@Injectable()
export class TemplatesRepository {
  constructor(private readonly db: DataSource) {}

  async findById(id: number, manager: EntityManager = this.db.manager): Promise<Template | null> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM templates WHERE id = $1`, [id]);
    return rows.length ? toTemplate(rows[0]) : null;
  }

  /** `scope` null: all; otherwise national templates and those sharing a province with the scope. */
  async list(scope: readonly string[] | null, limit: number, offset: number): Promise<Template[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM templates WHERE $1::text[] IS NULL OR provinces IS NULL OR provinces && $1::text[] ORDER BY id DESC LIMIT $2 OFFSET $3`,
      [scope, limit, offset],
    );
    return rows.map(toTemplate);
  }

  /** Inserts version 1 of a new family, or the next version of `familyId`. */
  async insert(
    template: NewTemplate,
    author: { id: number; provinceScope: string[] | null },
    familyId: number | null,
    manager: EntityManager,
  ): Promise<Template> {
    const rows = await manager.query(
      `INSERT INTO templates (id, family_id, version, name, body, encoding_policy, max_segments, status, author_id, provinces)
       SELECT next.id, COALESCE($1, next.id),
              COALESCE((SELECT max(version) + 1 FROM templates WHERE family_id = $1), 1),
              $2, $3, $4, $5, 'draft', $6, $7
       FROM (SELECT nextval('templates_id_seq') AS id) next
       RETURNING ${COLUMNS}`,
      [familyId, template.name, template.body, template.encodingPolicy, template.maxSegments, author.id, author.provinceScope],
    );
    return toTemplate(rows[0]);
  }

  /** Moves a template from one status to another; null if it was not in `from` (lost a race or wrong state). */
  async transition(
    id: number,
    from: TemplateStatus[],
    to: TemplateStatus,
    changes: { decidedBy?: number; rejectionReason?: string },
    manager: EntityManager,
  ): Promise<Template | null> {
    const rows = await queryRows<TemplateRow>(
      manager,
      `UPDATE templates SET status = $3,
         submitted_at = CASE WHEN $3 = 'pending' THEN now() ELSE submitted_at END,
         decided_at = CASE WHEN $3 IN ('approved', 'rejected') THEN now() ELSE decided_at END,
         decided_by = CASE WHEN $3 IN ('approved', 'rejected') THEN $4::bigint ELSE NULL END,
         rejection_reason = $5
       WHERE id = $1 AND status = ANY($2) RETURNING ${COLUMNS}`,
      [id, from, to, changes.decidedBy ?? null, changes.rejectionReason ?? null],
    );
    return rows.length ? toTemplate(rows[0]) : null;
  }
}

interface TemplateRow {
  id: string;
  family_id: string;
  version: number;
  name: string;
  body: string;
  encoding_policy: Template['encodingPolicy'];
  max_segments: number;
  status: TemplateStatus;
  author_id: string;
  provinces: string[] | null;
  decided_by: string | null;
  rejection_reason: string | null;
  created_at: Date;
  submitted_at: Date | null;
  decided_at: Date | null;
}

function toTemplate(row: TemplateRow): Template {
  return {
    id: Number(row.id),
    familyId: Number(row.family_id),
    version: row.version,
    name: row.name,
    body: row.body,
    encodingPolicy: row.encoding_policy,
    maxSegments: row.max_segments,
    status: row.status,
    authorId: Number(row.author_id),
    provinces: row.provinces,
    decidedBy: row.decided_by === null ? null : Number(row.decided_by),
    rejectionReason: row.rejection_reason,
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
  };
}
