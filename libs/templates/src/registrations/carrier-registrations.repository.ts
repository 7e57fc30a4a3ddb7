import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryRows } from '@loa/database';
import { type CarrierRegistration, type RegistrationPattern, type RegistrationState } from './carrier-registration';
import { ANSWER_REGISTRATION, LIST_REGISTRATIONS, REGISTRATIONS_OF, SUBMIT_REGISTRATION } from './carrier-registrations.sql';

interface RegistrationRow {
  template_id: string;
  carrier: string;
  state: RegistrationState;
  reference: string | null;
  reason: string | null;
  pattern: RegistrationPattern;
  submitted_by: string;
  submitted_at: Date;
  answered_by: string | null;
  answered_at: Date | null;
}

@Injectable()
export class CarrierRegistrationsRepository {
  constructor(private readonly db: DataSource) {}

  async list(templateId: number, manager: EntityManager = this.db.manager): Promise<CarrierRegistration[]> {
    return (await queryRows<RegistrationRow>(manager, LIST_REGISTRATIONS, [templateId])).map(toRegistration);
  }

  async of(templateId: number, carriers: readonly string[]): Promise<CarrierRegistration[]> {
    return (await queryRows<RegistrationRow>(this.db, REGISTRATIONS_OF, [templateId, carriers])).map(toRegistration);
  }

  async submit(templateId: number, carrier: string, pattern: RegistrationPattern, userId: number, manager: EntityManager): Promise<CarrierRegistration> {
    const rows = await queryRows<RegistrationRow>(manager, SUBMIT_REGISTRATION, [templateId, carrier, JSON.stringify(pattern), userId]);
    return toRegistration(rows[0]);
  }

  async answer(
    templateId: number,
    carrier: string,
    answer: { state: Exclude<RegistrationState, 'submitted'>; reference: string | null; reason: string | null },
    pattern: RegistrationPattern,
    userId: number,
    manager: EntityManager,
  ): Promise<CarrierRegistration> {
    const rows = await queryRows<RegistrationRow>(manager, ANSWER_REGISTRATION, [
      templateId,
      carrier,
      JSON.stringify(pattern),
      userId,
      answer.state,
      answer.reference,
      answer.reason,
    ]);
    return toRegistration(rows[0]);
  }
}

function toRegistration(row: RegistrationRow): CarrierRegistration {
  return {
    templateId: Number(row.template_id),
    carrier: row.carrier,
    state: row.state,
    reference: row.reference,
    reason: row.reason,
    pattern: row.pattern,
    submittedBy: Number(row.submitted_by),
    submittedAt: row.submitted_at,
    answeredBy: row.answered_by === null ? null : Number(row.answered_by),
    answeredAt: row.answered_at,
  };
}
