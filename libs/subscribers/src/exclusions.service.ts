import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRepository, type AuthUser, coversAll } from '@loa/auth';
import { invalid, notFound } from '@loa/common';
import { ExclusionsRepository } from './exclusions.repository';
import { InvalidMsisdn, normalizeMsisdn } from './msisdn';

/** Normalises and audits exclusion-list changes; numbers in any accepted form, stored as 84xxxxxxxxx. */
@Injectable()
export class ExclusionsService {
  constructor(
    private readonly db: DataSource,
    private readonly exclusions: ExclusionsRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async add(user: AuthUser | null, numbers: string[], reason: string | null): Promise<{ added: string[]; alreadyExcluded: string[] }> {
    const msisdns = numbers.map((input, index) => this.normalize(input, `msisdns[${index}]`));
    const provinces = await this.assertSubscribersInScope(user, numbers, msisdns);
    return this.db.transaction(async (manager) => {
      const added = await this.exclusions.add(msisdns, reason, user?.id ?? null, manager);
      const alreadyExcluded = [...new Set(msisdns.map(String))].filter((m) => !added.includes(m));
      await this.audit.append(
        user,
        // The numbers themselves: the audit shows them masked to all but admins (and in its CSV).
        { action: 'exclusions.add', objectType: 'subscriber_exclusions', objectId: 'list', provinces, details: { count: added.length, msisdns: added } },
        manager,
      );
      return { added, alreadyExcluded };
    });
  }

  async remove(user: AuthUser | null, input: string): Promise<void> {
    const msisdn = this.normalize(input, 'msisdn');
    await this.db.transaction(async (manager) => {
      const province = await this.exclusions.provinceOf(msisdn, manager);
      const provinces = province ? [province] : null;
      // Out of scope answers as if the number were not on the list.
      if (province === undefined || (user && !coversAll(user, provinces))) throw notFound(`${input} is not on the exclusion list`);
      await this.exclusions.remove(msisdn, manager);
      await this.audit.append(
        user,
        {
          action: 'exclusions.remove',
          objectType: 'subscriber_exclusion',
          objectId: String(msisdn),
          provinces,
          before: { excluded: true },
          after: { excluded: false },
        },
        manager,
      );
    });
  }

  list(user: AuthUser, limit: number, offset: number) {
    return this.exclusions.list(user.provinceScope, limit, offset);
  }

  /**
   * A province-scoped user excludes only subscribers of their provinces: a number of another province, or
   * one no import knows, is refused as not found (the whole request). Returns the provinces touched (null: national).
   */
  private async assertSubscribersInScope(user: AuthUser | null, inputs: string[], msisdns: bigint[]): Promise<string[] | null> {
    const found = await this.exclusions.numberProvinces(msisdns);
    const provinces = [...new Set(found.map((row) => row.provinceCode))];
    if (!user || user.provinceScope === null) return provinces.includes(null) ? null : (provinces as string[]);
    const outside = found.findIndex((row) => row.provinceCode === null || !user.provinceScope!.includes(row.provinceCode));
    if (outside >= 0) throw notFound(`msisdns[${outside}]: "${inputs[outside]}" is not a subscriber of your provinces`, { field: `msisdns[${outside}]` });
    return provinces as string[];
  }

  isExcluded(input: string): Promise<boolean> {
    return this.exclusions.isExcluded(this.normalize(input, 'msisdn'));
  }

  private normalize(input: string, field: string): bigint {
    const result = normalizeMsisdn(input);
    if (result instanceof InvalidMsisdn) throw invalid(`${field}: "${input}": ${result.reason}`, { field, reason: result.reason });
    return result;
  }
}
