import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertActsOn, assertProvincesInScope, AuditLogRepository, type AuthUser, canRead } from '@loa/auth';
import { type Carrier, CARRIERS, type Clock, conflict, forbidden, formatVietnamInstant, invalid, notFound, systemClock } from '@loa/common';
import { MessageQueueRepository } from '@loa/delivery';
import { ProvinceDirectory } from '@loa/provinces';
import { type Template, TemplatesService } from '@loa/templates';
import { BrandnameCertificates, type CertificateProblem, vietnameseDate } from './brandname-certificates';
import { type Campaign, type CampaignState, type NewCampaign } from './campaign';
import { defaultSendWindow } from './campaign-defaults';
import { CampaignTextsRenderer } from './campaign-texts.renderer';
import { type CampaignFilter, CampaignsRepository } from './campaigns.repository';
import { type CampaignEstimate, type DeadlinePlan, estimateOf } from './plan/deadline-plan';
import { CampaignPlansService, PLANNER_CLOCK } from './plan/campaign-plans.service';
import { ProgrammesService } from './programmes.service';
import { RegistrationCheck, type RegistrationSummary } from './registration-check';
import { resolveSendLimits, type SendLimits, type SendLimitsRequest } from './send-limit-overrides';
import { CONTRACTED_CARRIERS, SENDING_CARRIERS } from './sending-carriers.module';

const DEFAULT_VALIDITY_HOURS = 24;
/** A start this far in the past still counts as "now" (the form was filled in a minute ago). */
const START_GRACE_MS = 5 * 60_000;

/** A deadline plan, with the carriers whose brandname certificate does not cover the campaign's sending. */
export type CampaignPlan = DeadlinePlan & { certificateProblems: CertificateProblem[] } & RegistrationSummary;

/** An approver's acknowledgement that a campaign will not reach everyone before its report deadline. */
export interface DeadlineAcknowledgement {
  /** Carriers left out at approval (those where the text is not registered): the campaign sends only to the others. */
  excludeCarriers?: Carrier[];
  acknowledgeDeadlineMiss?: boolean;
  reason?: string;
}

/** Campaign lifecycle: draft -> pending_approval -> scheduled -> running <-> paused -> completed | cancelled. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly db: DataSource,
    private readonly campaigns: CampaignsRepository,
    private readonly templates: TemplatesService,
    private readonly renderer: CampaignTextsRenderer,
    private readonly audit: AuditLogRepository,
    private readonly directory: ProvinceDirectory,
    private readonly messages: MessageQueueRepository,
    private readonly programmes: ProgrammesService,
    private readonly plans: CampaignPlansService,
    private readonly certificates: BrandnameCertificates,
    private readonly registrationCheck: RegistrationCheck,
    @Optional() @Inject(SENDING_CARRIERS) private readonly sendingCarriers: readonly string[] = CONTRACTED_CARRIERS,
    @Optional() @Inject(PLANNER_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** The carriers asked for (default: every carrier with an account), each of which must have an account. */
  private targetCarriers(asked: readonly Carrier[] | undefined): Carrier[] {
    const carriers = [...new Set(asked?.length ? asked : CARRIERS.filter((carrier) => this.sendingCarriers.includes(carrier)))];
    const missing = carriers.filter((carrier) => !this.sendingCarriers.includes(carrier));
    if (missing.length > 0) {
      throw invalid(
        `carriers: ${missing.join(', ')} has no account in the carriers file, so nothing would be sent to it (accounts: ${this.sendingCarriers.join(', ') || 'none'})`,
      );
    }
    if (carriers.length === 0) throw invalid('carriers: no carrier has an account in the carriers file');
    return carriers;
  }

  async get(id: number, user: AuthUser): Promise<Campaign> {
    const campaign = await this.campaigns.findById(id);
    if (!campaign || !canRead(user, campaign.provinces)) throw notFound(`campaign ${id} does not exist`);
    return campaign;
  }

  /** A campaign the user may act on: their scope covers all of its provinces (otherwise 404, as if it did not exist). */
  private async actOn(id: number, user: AuthUser): Promise<Campaign> {
    const campaign = await this.get(id, user);
    assertActsOn(user, campaign.provinces, `campaign ${id}`);
    return campaign;
  }

  list(user: AuthUser, limit = 50, offset = 0, filter: CampaignFilter = {}): Promise<Campaign[]> {
    return this.campaigns.list(user.provinceScope, limit, offset, filter);
  }

  async create(input: NewCampaign, user: AuthUser): Promise<Campaign> {
    const { provinces, carriers, template, texts, limits } = await this.prepare(input, user);
    if (input.programmeId !== undefined) await this.checkProgramme(input.programmeId, provinces, user);
    return this.db.transaction(async (manager) => {
      const campaign = await this.campaigns.insert(
        {
          name: input.name,
          templateId: template.id,
          provinces,
          carriers,
          startAt: input.startAt,
          validityHours: input.validityHours ?? DEFAULT_VALIDITY_HOURS,
          onAmbiguous: input.onAmbiguous ?? 'resend',
          reportDeadline: input.reportDeadline,
          programmeId: input.programmeId,
          priority: input.priority ?? 0,
          sendWindow: limits.sendWindow,
          dailyCapLifted: limits.dailyCapLifted,
        },
        user.id,
        manager,
      );
      await this.campaigns.insertTexts(campaign.id, texts, manager);
      await this.audit.append(
        user,
        {
          action: 'campaign.create',
          objectType: 'campaign',
          objectId: campaign.id,
          provinces,
          details: { templateId: template.id, provinces, carriers },
          after: { state: campaign.state, name: campaign.name, startAt: campaign.startAt },
        },
        manager,
      );
      await this.auditOverrides(campaign, limits, input.overrideReason, user, manager);
      return campaign;
    });
  }

  /** The deadline plan of a campaign as the drafter would create it, without saving anything. */
  async planDraft(input: NewCampaign, user: AuthUser): Promise<CampaignPlan> {
    const { provinces, carriers, template, texts, limits } = await this.prepare(input, user);
    const plan = await this.plans.planDraft(
      { ...input, provinces, carriers, sendWindow: limits.sendWindow, segments: new Map(texts.map((text) => [text.provinceCode, text.segments])) },
      user,
    );
    return {
      ...plan,
      certificateProblems: this.certificates.problems(carriers, input.startAt, input.validityHours ?? DEFAULT_VALIDITY_HOURS),
      ...(await this.registrationCheck.summary(template, carriers, texts)),
    };
  }

  /** The deadline plan as `user` may read it: counts over their provinces, the campaigns ahead they may read by name. */
  async plan(id: number, user: AuthUser): Promise<CampaignPlan> {
    const campaign = await this.get(id, user);
    const plan = await this.plans.planSaved(campaign, user);
    const registrations = await this.registrationCheck.summary(
      await this.templates.get(campaign.templateId, null),
      campaign.carriers,
      await this.registrationCheck.savedTexts(campaign.id),
    );
    return { ...plan, certificateProblems: this.certificates.problems(campaign.carriers, campaign.startAt, campaign.validityHours), ...registrations };
  }

  /** A campaign with, while it is scheduled, running or paused, its estimate re-planned from the rate it gets. */
  async getWithEstimate(id: number, user: AuthUser): Promise<Campaign & { estimate: CampaignEstimate | null }> {
    const campaign = await this.get(id, user);
    const planned = ['scheduled', 'running', 'paused'].includes(campaign.state);
    return { ...campaign, estimate: planned ? estimateOf(await this.plans.planSaved(campaign, user), { paused: campaign.state === 'paused' }) : null };
  }

  /** Provinces resolved and in scope, carriers with an account, the approved template rendered and linted per province. */
  private async prepare(input: NewCampaign, user: AuthUser) {
    const provinces = [...new Set(input.provinces.map((name) => this.directory.resolve(name).province.code))];
    assertProvincesInScope(user, provinces);
    this.assertStartsNowOrLater(input.startAt);
    const carriers = this.targetCarriers(input.carriers);
    const template = await this.approvedTemplate(input.templateId, user);
    if (input.reportDeadline && input.reportDeadline <= input.startAt) {
      throw invalid('reportDeadline: must be after startAt');
    }
    const limits = resolveSendLimits(input, defaultSendWindow());
    const texts = await this.renderer.render(template, provinces, carriers, { name: input.name, startAt: input.startAt, reportDeadline: input.reportDeadline });
    return { provinces, carriers, template, texts, limits };
  }

  /** A start in the past is a mistake (a copied date, last year's walkthrough), unless it is within the last 5 minutes: "now". */
  private assertStartsNowOrLater(startAt: Date): void {
    const now = this.clock.now();
    if (startAt.getTime() >= now - START_GRACE_MS) return;
    throw invalid(
      `startAt: ${formatVietnamInstant(startAt)} is in the past (now ${formatVietnamInstant(new Date(now))}); a campaign starts now or later, a start up to 5 minutes ago counts as now`,
      { field: 'startAt', rule: 'START_IN_PAST' },
    );
  }

  /**
   * Sets the send window and daily cap of a campaign not finished yet (an urgent warning may widen or lift
   * them, with a reason); what is omitted gets the default (the default window, the cap on). Audited.
   */
  async setSendLimits(id: number, request: SendLimitsRequest, user: AuthUser): Promise<Campaign> {
    const campaign = await this.actOn(id, user);
    const limits = resolveSendLimits(request, defaultSendWindow());
    return this.db.transaction(async (manager) => {
      const changed = await this.campaigns.setSendLimits(id, limits.sendWindow, limits.dailyCapLifted, manager);
      if (!changed) throw conflict(`campaign ${id} is ${campaign.state}; its send window and cap can no longer change`);
      const before = { sendWindow: campaign.sendWindow, dailyCapLifted: campaign.dailyCapLifted };
      const after = { sendWindow: changed.sendWindow, dailyCapLifted: changed.dailyCapLifted };
      await this.audit.append(
        user,
        {
          action: 'campaign.send-limits',
          objectType: 'campaign',
          objectId: id,
          provinces: campaign.provinces,
          before,
          after,
          details: { reason: request.overrideReason ?? null },
        },
        manager,
      );
      await this.auditOverrides(changed, limits, request.overrideReason, user, manager);
      return changed;
    });
  }

  /** Each override (a wider or lifted window, a lifted cap) is its own audit entry with its reason. */
  private async auditOverrides(campaign: Campaign, limits: SendLimits, reason: string | undefined, user: AuthUser, manager: EntityManager): Promise<void> {
    if (limits.overrides.length === 0) return;
    await this.audit.append(
      user,
      {
        action: 'campaign.override',
        objectType: 'campaign',
        objectId: campaign.id,
        provinces: campaign.provinces,
        details: {
          overrides: limits.overrides,
          reason: reason?.trim(),
          sendWindow: limits.sendWindow,
          dailyCapLifted: limits.dailyCapLifted,
          provinces: campaign.provinces,
        },
      },
      manager,
    );
  }

  async submit(id: number, user: AuthUser): Promise<Campaign> {
    const campaign = await this.actOn(id, user);
    if (campaign.createdBy !== user.id && user.role !== 'admin') throw forbidden('only the creator submits a campaign');
    return this.transition(campaign, ['draft'], 'pending_approval', user);
  }

  /**
   * Schedules a campaign (four eyes). Refused when nobody would get it (an empty audience), and, unless the
   * approver acknowledges it (recorded in the audit log), when the plan says it misses its report deadline.
   */
  async approve(id: number, user: AuthUser, acknowledgement: DeadlineAcknowledgement = {}): Promise<Campaign> {
    const campaign = await this.actOn(id, user);
    if (campaign.createdBy === user.id) throw forbidden('a campaign must be approved by someone other than its creator');
    const template = await this.approvedTemplate(campaign.templateId, null);
    const request = { name: campaign.name, startAt: campaign.startAt, reportDeadline: campaign.reportDeadline ?? undefined };
    await this.renderer.assertLintClean(template, campaign.provinces, campaign.carriers, request);
    if (campaign.state !== 'pending_approval') throw conflict(`campaign ${campaign.id} is ${campaign.state}; it must be pending_approval to become scheduled`);
    // Carriers where a text is not registered (or overflows its slot) refuse it: left out by the approver, or a 409.
    const carriers = await this.registrationCheck.carriersToApprove(campaign, template, acknowledgement.excludeCarriers);
    const excludedCarriers = campaign.carriers.filter((carrier) => !carriers.includes(carrier));
    const approved = { ...campaign, carriers };
    this.assertCertificatesCover(approved);
    const plan = await this.plans.planSaved(approved);
    if (plan.messages === 0) {
      throw conflict(
        `campaign ${campaign.id} has nobody to send to: no active, not excluded subscriber of ${carriers.join(', ')} in provinces ${campaign.provinces.join(', ')} (import the subscribers first)`,
      );
    }
    const missesDeadline = plan.meetsDeadline === false;
    if (missesDeadline && acknowledgement.acknowledgeDeadlineMiss && !acknowledgement.reason?.trim()) {
      throw invalid('reason: say why the campaign is approved although it misses its report deadline');
    }
    if (missesDeadline && !acknowledgement.acknowledgeDeadlineMiss) {
      throw conflict(
        `campaign ${campaign.id} cannot reach everyone before its report deadline ${formatVietnamInstant(campaign.reportDeadline!)}: ` +
          `${plan.unsentAtDeadline} of ${plan.messages} subscribers would not have it by then (estimated finish ${plan.estimatedFinishAt ? formatVietnamInstant(plan.estimatedFinishAt) : 'beyond 60 days'}); ` +
          'approve with acknowledgeDeadlineMiss: true and a reason to schedule it anyway',
        { estimatedFinishAt: plan.estimatedFinishAt, unsentAtDeadline: plan.unsentAtDeadline, messages: plan.messages },
      );
    }
    // The approver covers every province; byProvince lets a reader of the audit who covers only some count theirs.
    const details = {
      messages: plan.messages,
      byProvince: Object.fromEntries(plan.provinces.map((province) => [province.code, { messages: province.messages }])),
      estimatedFinishAt: plan.estimatedFinishAt,
      ...(excludedCarriers.length > 0 ? { excludedCarriers, carriers } : {}),
      ...(missesDeadline
        ? { deadlineMissAcknowledged: true, reason: acknowledgement.reason, reportDeadline: campaign.reportDeadline, unsentAtDeadline: plan.unsentAtDeadline }
        : {}),
    };
    const narrow = (manager: EntityManager) =>
      excludedCarriers.length > 0 ? this.registrationCheck.narrow(campaign.id, carriers, manager) : Promise.resolve();
    return this.transition(campaign, ['pending_approval'], 'scheduled', user, user.id, details, narrow);
  }

  /** Refuses (409) a campaign on a carrier whose brandname certificate lapses before the campaign's sending ends, or is not valid yet. */
  private assertCertificatesCover(campaign: Campaign): void {
    const problems = this.certificates.problems(campaign.carriers, campaign.startAt, campaign.validityHours);
    if (problems.length === 0) return;
    const [first] = problems;
    const reasons = problems.map(describeCertificateProblem).join('; ');
    throw conflict(`campaign ${campaign.id} cannot be approved: ${reasons}; leave the carrier out or renew the certificate in the carriers file`, {
      code: first.code,
      carrier: first.carrier,
      brandname: first.brandname,
      validFrom: first.validFrom,
      validTo: first.validTo,
      sendingEndsAt: first.sendingEndsAt,
      problems,
    });
  }

  /** Sends a campaign waiting for approval back to its drafter (four eyes), with the reason they read in the audit and the console. */
  async reject(id: number, reason: string, user: AuthUser): Promise<Campaign> {
    const campaign = await this.actOn(id, user);
    if (campaign.createdBy === user.id) throw forbidden('a campaign must be reviewed by someone other than its creator');
    return this.transition(campaign, ['pending_approval'], 'draft', user, null, { reason });
  }

  async pause(id: number, user: AuthUser): Promise<Campaign> {
    return this.transition(await this.actOn(id, user), ['running', 'scheduled'], 'paused', user);
  }

  async resume(id: number, user: AuthUser): Promise<Campaign> {
    const campaign = await this.actOn(id, user);
    return this.transition(campaign, ['paused'], campaign.materialisedAt ? 'running' : 'scheduled', user);
  }

  async cancel(id: number, user: AuthUser): Promise<Campaign> {
    const campaign = await this.actOn(id, user);
    return this.transition(campaign, ['draft', 'pending_approval', 'scheduled', 'running', 'paused'], 'cancelled', user);
  }

  /** The campaigns of a programme the user sees (those touching their provinces). */
  async ofProgramme(programmeId: number, user: AuthUser): Promise<Campaign[]> {
    return (await this.campaigns.ofProgramme(programmeId)).filter((campaign) => canRead(user, campaign.provinces));
  }

  /** A campaign joins a programme the user sees, within the programme's provinces. */
  private async checkProgramme(programmeId: number, provinces: string[], user: AuthUser): Promise<void> {
    const programme = await this.programmes.get(programmeId, user).catch(() => {
      throw invalid(`programmeId: programme ${programmeId} does not exist`);
    });
    const outside = provinces.filter((code) => !programme.provinces.includes(code));
    if (outside.length > 0) throw invalid(`provinces: ${outside.join(', ')} are not in programme ${programmeId} (${programme.provinces.join(', ')})`);
  }

  /** `user` null: no scope check (the campaign's own template, already checked when it was created). */
  private async approvedTemplate(templateId: number, user: AuthUser | null): Promise<Template> {
    const template = await this.templates.get(templateId, user).catch(() => {
      throw invalid(`templateId: template ${templateId} does not exist`);
    });
    if (template.status !== 'approved') {
      throw conflict(`template ${template.id} (version ${template.version}) is ${template.status}; a campaign needs an approved template`);
    }
    return template;
  }

  private async transition(
    campaign: Campaign,
    from: CampaignState[],
    to: CampaignState,
    user: AuthUser,
    approvedBy: number | null = null,
    details?: Record<string, unknown>,
    before?: (manager: EntityManager) => Promise<void>,
  ): Promise<Campaign> {
    return this.db.transaction(async (manager) => {
      await before?.(manager);
      const changed = await this.campaigns.transition(campaign.id, from, to, approvedBy, manager);
      if (!changed) throw conflict(`campaign ${campaign.id} is ${campaign.state}; it must be ${from.join(' or ')} to become ${to}`);
      if (to === 'cancelled') await this.messages.cancelUnsent(campaign.id, `campaign cancelled by ${user.username}`, manager);
      await this.audit.append(
        user,
        {
          // Back to draft from pending approval is a rejection: the audit says so.
          action: to === 'draft' ? 'campaign.rejected' : `campaign.${to}`,
          objectType: 'campaign',
          objectId: campaign.id,
          provinces: campaign.provinces,
          before: { state: campaign.state },
          after: { state: changed.state },
          details,
        },
        manager,
      );
      return changed;
    });
  }
}

/** One refused carrier, in English and in Vietnamese (what the console shows an official). */
function describeCertificateProblem(problem: CertificateProblem): string {
  const { carrier, brandname, number } = problem;
  if (problem.code === 'CERTIFICATE_NOT_YET_VALID') {
    return (
      `${carrier}: the certificate of brandname ${brandname} (${number}) is valid only from ${problem.validFrom}, after the campaign starts ` +
      `(Chứng nhận tên định danh ${brandname} của ${carrier} chỉ có hiệu lực từ ngày ${vietnameseDate(problem.validFrom)})`
    );
  }
  return (
    `${carrier}: the certificate of brandname ${brandname} (${number}) is valid until ${problem.validTo}, before the campaign's sending ends ` +
    `at ${formatVietnamInstant(problem.sendingEndsAt)} (Chứng nhận tên định danh ${brandname} của ${carrier} hết hiệu lực sau ngày ${vietnameseDate(problem.validTo)})`
  );
}
