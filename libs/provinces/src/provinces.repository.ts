import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRepository, type AuthUser } from '@loa/auth';
import { notFound } from '@loa/common';
import { queryRows } from '@loa/database';
import { type Province, PROVINCE_CONTACT_FIELDS } from './province';
import { ProvinceDirectory } from './province-directory';
import { LIST_PROVINCES, PROVINCE_CONTACTS_FOR_UPDATE, UPDATE_PROVINCE_CONTACTS } from './provinces.sql';

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
      const [stored] = await queryRows<object>(manager, PROVINCE_CONTACTS_FOR_UPDATE, [code]);
      if (!stored) throw notFound(`province ${code} not found`);
      const params = [code, patch.policeHotlines ?? null, JSON.stringify(contacts)];
      const [updated] = await queryRows<ProvinceRow>(manager, UPDATE_PROVINCE_CONTACTS, params);
      // before and after name the fields the patch gives, as they were and as they are now.
      const given = (['policeHotlines', ...PROVINCE_CONTACT_FIELDS] as const).filter((field) => patch[field] !== undefined);
      const pick = (row: object) => Object.fromEntries(given.map((field) => [field, (row as Record<string, unknown>)[field]]));
      await this.audit.append(
        user,
        { action: 'province.update', objectType: 'province', objectId: code, provinces: [code], before: pick(stored), after: pick(updated) },
        manager,
      );
      return this.withShortName(updated);
    });
  }

  private withShortName(row: ProvinceRow): StoredProvince {
    const shortName = this.directory.all().find((p) => p.code === row.code)?.shortName ?? row.name;
    return { ...row, shortName };
  }
}
