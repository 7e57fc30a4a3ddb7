import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type AuthUser } from './auth-user';
import { currentRequestContext } from './request-context';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string | number;
  details?: Record<string, unknown>;
  /** The provinces of the object acted on (null or absent: national, shown to national users only). */
  provinces?: readonly string[] | null;
  /** A summary of the object before and after the action (the fields that changed, never secrets). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Append-only record of who did what to which object; written in the caller's transaction. The request
 * id and source address come from the request context (set by middleware in the API), so callers outside
 * HTTP (the dispatcher, the CLI) write them as null.
 */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly db: DataSource) {}

  async append(user: AuthUser | null, entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    const request = currentRequestContext();
    await manager.query(
      `INSERT INTO audit_log (user_id, action, object_type, object_id, details, provinces, before, after, request_id, remote_addr)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        user?.id ?? null,
        entry.action,
        entry.objectType,
        String(entry.objectId),
        entry.details ?? {},
        entry.provinces ? [...entry.provinces] : null,
        entry.before ?? null,
        entry.after ?? null,
        request?.requestId ?? null,
        request?.remoteAddr ?? null,
      ],
    );
  }
}

/** One audit entry as GET /audit shows it. */
export interface AuditRecord {
  id: number;
  at: Date;
  userId: number | null;
  username: string | null;
  action: string;
  objectType: string;
  objectId: string;
  provinces: string[] | null;
  details: Record<string, unknown>;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  remoteAddr: string | null;
}

export interface AuditFilter {
  /** null: national, every entry; otherwise entries sharing a province with the scope (national entries left out). */
  scope: readonly string[] | null;
  action?: string;
  objectType?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** Reads the audit log (a separate class: AuditLogRepository stays the one-method writer others inject). */
@Injectable()
export class AuditLogReader {
  constructor(private readonly db: DataSource) {}

  async list(filter: AuditFilter): Promise<AuditRecord[]> {
    const rows: AuditRecord[] = await this.db.query(
      `SELECT a.id::int AS id, a.at, a.user_id::int AS "userId", u.username, a.action, a.object_type AS "objectType", a.object_id AS "objectId",
              a.provinces, a.details, a.before, a.after, a.request_id AS "requestId", a.remote_addr AS "remoteAddr"
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       WHERE ($1::text[] IS NULL OR a.provinces && $1::text[])
         AND ($2::text IS NULL OR a.action = $2) AND ($3::text IS NULL OR a.object_type = $3)
         AND ($4::timestamptz IS NULL OR a.at >= $4) AND ($5::timestamptz IS NULL OR a.at < $5)
       ORDER BY a.at DESC, a.id DESC LIMIT $6 OFFSET $7`,
      [filter.scope, filter.action ?? null, filter.objectType ?? null, filter.from ?? null, filter.to ?? null, filter.limit, filter.offset],
    );
    return rows;
  }
}
