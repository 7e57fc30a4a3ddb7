import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogRepository, type AuthUser } from '@loa/auth';
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
    return this.db.transaction(async (manager) => {
      const added = await this.exclusions.add(msisdns, reason, user?.id ?? null, manager);
      const alreadyExcluded = [...new Set(msisdns.map(String))].filter((m) => !added.includes(m));
      await this.audit.append(
        user,
        { action: 'exclusions.add', objectType: 'subscriber_exclusions', objectId: 'list', details: { count: added.length } },
        manager,
      );
      return { added, alreadyExcluded };
    });
  }

  async remove(user: AuthUser | null, input: string): Promise<void> {
    const msisdn = this.normalize(input, 'msisdn');
    await this.db.transaction(async (manager) => {
      if (!(await this.exclusions.remove(msisdn, manager))) throw notFound(`${input} is not on the exclusion list`);
      await this.audit.append(user, { action: 'exclusions.remove', objectType: 'subscriber_exclusion', objectId: String(msisdn) }, manager);
    });
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
