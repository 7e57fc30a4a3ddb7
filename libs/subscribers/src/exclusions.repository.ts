import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryRows } from '@loa/database';
import { ADD_EXCLUSIONS, COUNT_EXCLUSIONS, IS_EXCLUDED, LIST_EXCLUSIONS, REMOVE_EXCLUSION } from './exclusions.sql';

export interface Exclusion {
  /** 84 + 9 digits, as text (JSON has no bigint). */
  msisdn: string;
  reason: string | null;
  createdBy: number | null;
  createdAt: Date;
}

/** Numbers that must never receive a campaign (materialisation filters on subscriber_exclusions.msisdn). */
@Injectable()
export class ExclusionsRepository {
  constructor(private readonly db: DataSource) {}

  /** Returns the numbers that were not already excluded. */
  async add(msisdns: bigint[], reason: string | null, userId: number | null, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows = await queryRows<{ msisdn: string }>(manager, ADD_EXCLUSIONS, [msisdns.map(String), reason, userId]);
    return rows.map((row) => row.msisdn);
  }

  async remove(msisdn: bigint, manager: EntityManager = this.db.manager): Promise<boolean> {
    const rows = await queryRows(manager, REMOVE_EXCLUSION, [String(msisdn)]);
    return rows.length > 0;
  }

  async list(limit: number, offset: number): Promise<{ total: number; items: Exclusion[] }> {
    const [items, [{ total }]] = await Promise.all([
      queryRows<Exclusion>(this.db, LIST_EXCLUSIONS, [limit, offset]),
      queryRows<{ total: number }>(this.db, COUNT_EXCLUSIONS),
    ]);
    return { total, items };
  }

  async isExcluded(msisdn: bigint): Promise<boolean> {
    const rows = await queryRows<{ excluded: boolean }>(this.db, IS_EXCLUDED, [String(msisdn)]);
    return rows[0].excluded;
  }
}
