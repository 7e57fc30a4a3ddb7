import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryRows } from '@loa/database';
import { ADD_EXCLUSIONS, COUNT_EXCLUSIONS, EXCLUSION_PROVINCE, IS_EXCLUDED, LIST_EXCLUSIONS, NUMBER_PROVINCES, REMOVE_EXCLUSION } from './exclusions.sql';

export interface Exclusion {
  /** 84 + 9 digits, as text (JSON has no bigint). */
  msisdn: string;
  reason: string | null;
  /** The subscriber's province when excluded (null: a number no import knows; national users only). */
  provinceCode: string | null;
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

  /** `scope` null: every entry; otherwise those of the scope's provinces. */
  async list(scope: readonly string[] | null, limit: number, offset: number): Promise<{ total: number; items: Exclusion[] }> {
    const [items, [{ total }]] = await Promise.all([
      queryRows<Exclusion>(this.db, LIST_EXCLUSIONS, [limit, offset, scope]),
      queryRows<{ total: number }>(this.db, COUNT_EXCLUSIONS, [scope]),
    ]);
    return { total, items };
  }

  async numberProvinces(msisdns: bigint[]): Promise<{ msisdn: string; provinceCode: string | null }[]> {
    return queryRows(this.db, NUMBER_PROVINCES, [msisdns.map(String)]);
  }

  /** undefined: not on the list. */
  async provinceOf(msisdn: bigint, manager: EntityManager = this.db.manager): Promise<string | null | undefined> {
    const rows = await queryRows<{ provinceCode: string | null }>(manager, EXCLUSION_PROVINCE, [String(msisdn)]);
    return rows.length ? rows[0].provinceCode : undefined;
  }

  async isExcluded(msisdn: bigint): Promise<boolean> {
    const rows = await queryRows<{ excluded: boolean }>(this.db, IS_EXCLUDED, [String(msisdn)]);
    return rows[0].excluded;
  }
}
