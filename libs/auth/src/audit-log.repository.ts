import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type AuthUser } from './auth-user';
import { escapeLike, LIST_AUDIT } from './lists.sql';
import { currentRequestContext } from './request-context';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string | number;
  details?: Record<string, unknown>;
  /**
   * The provinces of the object acted on; null: a national object, shown to national users only. Required,
   * so every entry says it: an entry about a campaign without its provinces is hidden from its own provinces.
   */
  provinces: readonly string[] | null;
  /**
   * A change records the object before and after it (the fields that changed, never secrets): an update
   * both, a creation `after` only, a removal `before` only.
   */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Append-only record of who did what to which object; written in the caller's transaction. The request
 * ids (the server's, and the client's beside it) and the source address come from the request context (set
 * by middleware in the API), so callers outside HTTP (the dispatcher, the CLI) write them as null.
 */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly db: DataSource) {}

  async append(user: AuthUser | null, entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    const request = currentRequestContext();
    await manager.query(
      `INSERT INTO audit_log (user_id, action, object_type, object_id, details, provinces, before, after, request_id, client_request_id, remote_addr)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        user?.id ?? null,
        entry.action,
        entry.objectType,
        String(entry.objectId),
        entry.details ?? {},
        entry.provinces === null ? null : [...entry.provinces],
        entry.before ?? null,
        entry.after ?? null,
        request?.requestId ?? null,
        request?.clientRequestId ?? null,
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
  /** The server's own id of the request that wrote the entry. */
  requestId: string | null;
  /** The caller's X-Request-Id, if it sent one. */
  clientRequestId: string | null;
  remoteAddr: string | null;
}

export interface AuditFilter {
  /** null: national, every entry; otherwise entries sharing a province with the scope (national entries left out). */
  scope: readonly string[] | null;
  action?: string;
  objectType?: string;
  objectId?: string;
  /** Part of the username of who did it, any case. */
  username?: string;
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
    const rows: AuditRecord[] = await this.db.query(LIST_AUDIT, [
      filter.scope,
      filter.action ?? null,
      filter.objectType ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.limit,
      filter.offset,
      filter.action ? escapeLike(filter.action) : null,
      filter.objectId ?? null,
      filter.username ? escapeLike(filter.username) : null,
    ]);
    return rows;
  }
}
