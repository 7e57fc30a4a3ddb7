import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRepository, type AuthUser } from '@loa/auth';
import { notFound } from '@loa/common';
import { queryRows } from '@loa/database';
import { type Province, PROVINCE_CONTACT_FIELDS } from './province';
import { ProvinceDirectory } from './province-directory';
import { LIST_PROVINCES, UPDATE_PROVINCE_CONTACTS } from './provinces.sql';

export interface StoredProvince extends Province {
  updatedAt: Date;
}

/** undefined leaves a field as it is; null clears it. */
export interface ProvinceContactsPatch {
  policeHotlines?: string[];
  website?: string | null;
  zalo?: string | null;
  fanpage?: string | null;
  vneid?: string | null;
}

type ProvinceRow = Omit<StoredProvince, 'shortName'>;

/** Provinces as stored: the database is the source of truth for hotlines and websites after seeding. */
@Injectable()
export class ProvincesRepository {
  constructor(
    private readonly db: DataSource,
    private readonly directory: ProvinceDirectory,
    private readonly audit: AuditLogRepository,
  ) {}

  async list(): Promise<StoredProvince[]> {
    const rows = await queryRows<ProvinceRow>(this.db, LIST_PROVINCES);
    return rows.map((row) => this.withShortName(row));
  }

  async get(code: string): Promise<StoredProvince> {
    const found = (await this.list()).find((province) => province.code === code);
    if (!found) throw notFound(`province ${code} not found`);
    return found;
  }

  /** Changes hotlines and/or other contacts, recorded in the audit log in the same transaction. */
  async updateContacts(user: AuthUser, code: string, patch: ProvinceContactsPatch): Promise<StoredProvince> {
    return this.db.transaction(async (manager) => {
      const contacts = Object.fromEntries(PROVINCE_CONTACT_FIELDS.filter((field) => patch[field] !== undefined).map((field) => [field, patch[field]]));
      const params = [code, patch.policeHotlines ?? null, JSON.stringify(contacts)];
      const rows = await queryRows<ProvinceRow>(manager, UPDATE_PROVINCE_CONTACTS, params);
      if (rows.length === 0) throw notFound(`province ${code} not found`);
      await this.audit.append(user, { action: 'province.update', objectType: 'province', objectId: code, provinces: [code], details: { ...patch } }, manager);
      return this.withShortName(rows[0]);
    });
  }

  private withShortName(row: ProvinceRow): StoredProvince {
    const shortName = this.directory.all().find((p) => p.code === row.code)?.shortName ?? row.name;
    return { ...row, shortName };
  }
}
