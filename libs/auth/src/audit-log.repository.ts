import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type AuthUser } from './auth-user';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId: string | number;
  details?: Record<string, unknown>;
}

/** Append-only record of who did what to which object; written in the caller's transaction. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly db: DataSource) {}

  async append(user: AuthUser | null, entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(`INSERT INTO audit_log (user_id, action, object_type, object_id, details) VALUES ($1, $2, $3, $4, $5)`, [
      user?.id ?? null,
      entry.action,
      entry.objectType,
      String(entry.objectId),
      entry.details ?? {},
    ]);
  }
}
