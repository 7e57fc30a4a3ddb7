import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertActsOn, AuditLogRepository, type AuthUser } from '@loa/auth';
import { CARRIERS, conflict, invalid } from '@loa/common';
import { patternMismatch } from '@loa/sms';
import { type Template } from '../template';
import { TemplatesService } from '../templates.service';
import { type CarrierRegistration, type RegistrationAnswer, REGISTRATION_STATE_LABELS } from './carrier-registration';
import { CarrierRegistrationsRepository } from './carrier-registrations.repository';
import { registrationPattern } from './registration-pattern';
import { REGISTRATION_REQUIRED_CARRIERS } from './template-registration.module';

/** A text that a carrier demanding registration would refuse: not registered there, or a value too long for its slot. */
export type RegistrationProblem =
  | { code: 'TEMPLATE_NOT_REGISTERED'; carrier: string; state: CarrierRegistration['state'] | null }
  | { code: 'SLOT_OVERFLOW'; carrier: string; province: string; slot: string; variable: string; length: number; maxLength: number }
  | { code: 'TEXT_NOT_MATCHING'; carrier: string; province: string };

export interface TemplateRegistrations {
  templateId: number;
  version: number;
  /** Carriers whose account demands a registered text. */
  required: string[];
  /** Each with its state in Vietnamese beside the code (`stateLabel`). */
  registrations: (CarrierRegistration & { stateLabel: string })[];
}

/** Template versions as registered with each carrier, and whether a campaign's texts pass them. */
@Injectable()
export class CarrierRegistrationsService {
  constructor(
    private readonly db: DataSource,
    private readonly registrations: CarrierRegistrationsRepository,
    private readonly templates: TemplatesService,
    private readonly audit: AuditLogRepository,
    @Optional() @Inject(REGISTRATION_REQUIRED_CARRIERS) private readonly required: readonly string[] = [],
  ) {}

  /** The carriers among `carriers` that demand registration. */
  requiring(carriers: readonly string[]): string[] {
    return carriers.filter((carrier) => this.required.includes(carrier));
  }

  async list(templateId: number, user: AuthUser): Promise<TemplateRegistrations> {
    const template = await this.templates.get(templateId, user);
    const registrations = (await this.registrations.list(template.id)).map((registration) => ({
      ...registration,
      stateLabel: REGISTRATION_STATE_LABELS[registration.state],
    }));
    return { templateId: template.id, version: template.version, required: [...this.required], registrations };
  }

  /** An admin records what was sent to a carrier (the pattern, built from the approved version) or its answer. Audited. */
  async record(templateId: number, carrier: string, answer: RegistrationAnswer, user: AuthUser): Promise<CarrierRegistration> {
    if (!(CARRIERS as readonly string[]).includes(carrier)) throw invalid(`carrier: "${carrier}" is not one of ${CARRIERS.join(', ')}`);
    const template = await this.templates.get(templateId, user);
    assertActsOn(user, template.provinces, `template ${templateId}`);
    if (template.status !== 'approved') {
      throw conflict(
        `template ${template.id} (version ${template.version}) is ${template.status}; only an approved version, which never changes, is registered with carriers`,
      );
    }
    const pattern = registrationPattern(template.body, template.encodingPolicy, answer.slots);
    return this.db.transaction(async (manager) => {
      const before = (await this.registrations.list(template.id, manager)).find((registration) => registration.carrier === carrier);
      const recorded =
        answer.state === 'submitted'
          ? await this.registrations.submit(template.id, carrier, pattern, user.id, manager)
          : await this.registrations.answer(template.id, carrier, checkedAnswer(answer), pattern, user.id, manager);
      await this.audit.append(
        user,
        {
          action: 'template.registration',
          objectType: 'template',
          objectId: template.id,
          provinces: template.provinces,
          details: { carrier, state: recorded.state, reference: recorded.reference, reason: recorded.reason, pattern: recorded.pattern.text },
          before: before ? { state: before.state, reference: before.reference } : null,
          after: { state: recorded.state, reference: recorded.reference },
        },
        manager,
      );
      return recorded;
    });
  }

  /**
   * What the carriers demanding registration would refuse of these texts (one per province): a carrier where
   * the template is not registered, or a province's text that does not fit the carrier's pattern.
   */
  async problems(template: Template, carriers: readonly string[], texts: readonly { provinceCode: string; body: string }[]): Promise<RegistrationProblem[]> {
    const requiring = this.requiring(carriers);
    if (requiring.length === 0) return [];
    const registrations = await this.registrations.of(template.id, requiring);
    return requiring.flatMap((carrier): RegistrationProblem[] => {
      const registration = registrations.find((candidate) => candidate.carrier === carrier);
      if (registration?.state !== 'registered') return [{ code: 'TEMPLATE_NOT_REGISTERED', carrier, state: registration?.state ?? null }];
      return texts.flatMap((text) => textProblems(registration, text));
    });
  }
}

function textProblems(registration: CarrierRegistration, text: { provinceCode: string; body: string }): RegistrationProblem[] {
  const mismatch = patternMismatch(registration.pattern, text.body);
  if (!mismatch) return [];
  const { carrier } = registration;
  if (mismatch.kind === 'no-match') return [{ code: 'TEXT_NOT_MATCHING', carrier, province: text.provinceCode }];
  const variable = registration.pattern.slots.find((slot) => slot.name === mismatch.slot)?.variable ?? mismatch.slot;
  return [
    { code: 'SLOT_OVERFLOW', carrier, province: text.provinceCode, slot: mismatch.slot, variable, length: mismatch.length, maxLength: mismatch.maxLength },
  ];
}

function checkedAnswer(answer: RegistrationAnswer): { state: 'registered' | 'refused'; reference: string | null; reason: string | null } {
  const reference = answer.reference?.trim() || null;
  const reason = answer.reason?.trim() || null;
  if (answer.state === 'registered' && !reference) throw invalid("reference: a registered pattern needs the carrier's reference");
  if (answer.state === 'refused' && !reason) throw invalid("reason: a refusal needs the carrier's reason");
  return {
    state: answer.state as 'registered' | 'refused',
    reference: answer.state === 'registered' ? reference : null,
    reason: answer.state === 'refused' ? reason : null,
  };
}
