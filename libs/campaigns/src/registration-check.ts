import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Carrier, conflict, invalid } from '@loa/common';
import { queryRows } from '@loa/database';
import { CarrierRegistrationsService, type RegistrationProblem, type Template } from '@loa/templates';
import { type Campaign } from './campaign';
import { CAMPAIGN_TEXT_BODIES, NARROW_CAMPAIGN_CARRIERS } from './registration-check.sql';

/** What a plan says about registrations: carriers where the text is not registered, and every text a carrier would refuse. */
export interface RegistrationSummary {
  unregisteredCarriers: string[];
  registrationProblems: RegistrationProblem[];
}

/**
 * A carrier demanding registration takes only texts registered with it, each value within its slot. Checked
 * over the campaign's own texts (one per province, as stored at creation) before it is scheduled, so no such
 * text is ever materialised for that carrier.
 */
@Injectable()
export class RegistrationCheck {
  constructor(
    private readonly db: DataSource,
    private readonly registrations: CarrierRegistrationsService,
  ) {}

  async summary(template: Template, carriers: readonly string[], texts: readonly { provinceCode: string; body: string }[]): Promise<RegistrationSummary> {
    const problems = await this.registrations.problems(template, carriers, texts);
    return { unregisteredCarriers: unregistered(problems), registrationProblems: problems };
  }

  async savedTexts(campaignId: number): Promise<{ provinceCode: string; body: string }[]> {
    const rows = await queryRows<{ province_code: string; body: string }>(this.db, CAMPAIGN_TEXT_BODIES, [campaignId]);
    return rows.map((row) => ({ provinceCode: row.province_code, body: row.body }));
  }

  /**
   * The carriers an approval schedules: the campaign's, less those the approver excludes. Any carrier left that
   * would refuse a text is a 409 naming it (code TEMPLATE_NOT_REGISTERED or SLOT_OVERFLOW, carrier, province).
   */
  async carriersToApprove(campaign: Campaign, template: Template, exclude: readonly string[] = []): Promise<Carrier[]> {
    const strangers = exclude.filter((carrier) => !campaign.carriers.includes(carrier as Carrier));
    if (strangers.length > 0)
      throw invalid(`excludeCarriers: campaign ${campaign.id} does not target ${strangers.join(', ')} (it targets ${campaign.carriers.join(', ')})`);
    const carriers = campaign.carriers.filter((carrier) => !exclude.includes(carrier));
    if (carriers.length === 0) throw invalid(`excludeCarriers: campaign ${campaign.id} would have no carrier left`);
    const problems = await this.registrations.problems(template, carriers, await this.savedTexts(campaign.id));
    if (problems.length > 0) throw refusal(campaign, template, problems);
    return carriers;
  }

  /** Leaves out the excluded carriers, in the approval's transaction. */
  async narrow(campaignId: number, carriers: readonly Carrier[], manager: EntityManager): Promise<void> {
    await manager.query(NARROW_CAMPAIGN_CARRIERS, [campaignId, carriers]);
  }
}

function unregistered(problems: readonly RegistrationProblem[]): string[] {
  return [...new Set(problems.filter((problem) => problem.code === 'TEMPLATE_NOT_REGISTERED').map((problem) => problem.carrier))];
}

function refusal(campaign: Campaign, template: Template, problems: RegistrationProblem[]) {
  const carriers = [...new Set(problems.map((problem) => problem.carrier))];
  const first = problems[0];
  return conflict(
    `campaign ${campaign.id}: ${problems.map((problem) => describe(template, problem)).join('; ')}; ` +
      `register the template with ${carriers.join(', ')} (POST /templates/${template.id}/registrations/:carrier) or approve with excludeCarriers: ${JSON.stringify(carriers)}`,
    { code: first.code, carrier: first.carrier, ...('province' in first ? { province: first.province } : {}), carriers, problems },
  );
}

function describe(template: Template, problem: RegistrationProblem): string {
  switch (problem.code) {
    case 'TEMPLATE_NOT_REGISTERED':
      return `template ${template.id} (version ${template.version}) is not registered with ${problem.carrier} (${problem.state ?? 'never submitted'})`;
    case 'SLOT_OVERFLOW':
      return `the text of province ${problem.province} puts ${problem.length} characters in {${problem.slot}} (${problem.variable}), which ${problem.carrier} registered for at most ${problem.maxLength}`;
    case 'TEXT_NOT_MATCHING':
      return `the text of province ${problem.province} does not match the pattern registered with ${problem.carrier}`;
  }
}
