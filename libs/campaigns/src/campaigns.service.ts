import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertActsOn, assertProvincesInScope, AuditLogRepository, type AuthUser, canRead } from '@loa/auth';
import { type Carrier, CARRIERS, conflict, forbidden, invalid, notFound } from '@loa/common';
import { DeliveryRepository } from '@loa/delivery';
import { ProvinceDirectory } from '@loa/provinces';
import { type Template, TemplatesService } from '@loa/templates';
import { type Campaign, type CampaignState, type NewCampaign } from './campaign';
import { defaultSendWindow } from './campaign-defaults';
import { CampaignTextsRenderer } from './campaign-texts.renderer';
import { CampaignsRepository } from './campaigns.repository';
import { resolveSendLimits, type SendLimits, type SendLimitsRequest } from './send-limit-overrides';
import { CONTRACTED_CARRIERS, SENDING_CARRIERS } from './sending-carriers.module';

const DEFAULT_VALIDITY_HOURS = 24;

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
    private readonly delivery: DeliveryRepository,
    @Optional() @Inject(SENDING_CARRIERS) private readonly sendingCarriers: readonly string[] = CONTRACTED_CARRIERS,
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

  list(user: AuthUser, limit = 50, offset = 0): Promise<Campaign[]> {
    return this.campaigns.list(user.provinceScope, limit, offset);
  }

  async create(input: NewCampaign, user: AuthUser): Promise<Campaign> {
    const provinces = [...new Set(input.provinces.map((name) => this.directory.resolve(name).province.code))];
    assertProvincesInScope(user, provinces);
    const carriers = this.targetCarriers(input.carriers);
    const template = await this.approvedTemplate(input.templateId, user);
    if (input.reportDeadline && input.reportDeadline <= input.startAt) {
      throw invalid('reportDeadline: must be after startAt');
    }
    const limits = resolveSendLimits(input, defaultSendWindow());
    const texts = await this.renderer.render(template, provinces, { name: input.name, startAt: input.startAt, reportDeadline: input.reportDeadline });
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
        { action: 'campaign.send-limits', objectType: 'campaign', objectId: id, details: { before, after, reason: request.overrideReason ?? null } },
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

  async approve(id: number, user: AuthUser): Promise<Campaign> {
    const campaign = await this.actOn(id, user);
    if (campaign.createdBy === user.id) throw forbidden('a campaign must be approved by someone other than its creator');
    await this.approvedTemplate(campaign.templateId, null);
    return this.transition(campaign, ['pending_approval'], 'scheduled', user, user.id);
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

  private async transition(campaign: Campaign, from: CampaignState[], to: CampaignState, user: AuthUser, approvedBy: number | null = null): Promise<Campaign> {
    return this.db.transaction(async (manager) => {
      const changed = await this.campaigns.transition(campaign.id, from, to, approvedBy, manager);
      if (!changed) throw conflict(`campaign ${campaign.id} is ${campaign.state}; it must be ${from.join(' or ')} to become ${to}`);
      if (to === 'cancelled') await this.delivery.failQueued(campaign.id, `campaign cancelled by ${user.username}`, manager);
      await this.audit.append(
        user,
        {
          action: `campaign.${to}`,
          objectType: 'campaign',
          objectId: campaign.id,
          provinces: campaign.provinces,
          before: { state: campaign.state },
          after: { state: changed.state },
        },
        manager,
      );
      return changed;
    });
  }
}
