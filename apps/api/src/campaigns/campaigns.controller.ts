import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, AuditLogReader, type AuthUser, CurrentUser, Roles } from '@loa/auth';
import { type Campaign, type CampaignEstimate, CampaignsService, type DeadlinePlan, type NewCampaign, type TestSend, TestSendsService } from '@loa/campaigns';
import { toInstant } from '../common/instant';
import { ApproveCampaignDto, CreateCampaignDto, RejectCampaignDto, SendLimitsDto } from './campaign.dto';
import { CampaignListQuery } from './campaign-list.query';
import { ParseIdPipe } from '../common/parse-id.pipe';

/** Why a draft came back from approval. */
export interface CampaignRejection {
  reason: string;
  by: string | null;
  at: Date;
}

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly testSends: TestSendsService,
    private readonly audit: AuditLogReader,
  ) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Campaigns touching your provinces, newest first; narrowed by state, province, start day and part of the name' })
  list(@Query() query: CampaignListQuery, @CurrentUser() user: AuthUser): Promise<Campaign[]> {
    const { state, province, from, to, q } = query;
    return this.campaigns.list(user, query.limit, query.offset, { state, province, from, to, name: q });
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({
    summary:
      'A campaign, with its test sends (accepted or refused, delivered once the receipt came) and, while scheduled, running or paused, its estimate (re-planned from the rate it gets while running)',
  })
  async get(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: AuthUser,
  ): Promise<Campaign & { estimate: CampaignEstimate | null; testSends: TestSend[]; rejection: CampaignRejection | null }> {
    const campaign = await this.campaigns.getWithEstimate(id, user);
    return { ...campaign, testSends: await this.testSends.ofCampaign(id, user), rejection: campaign.state === 'draft' ? await this.lastRejection(id) : null };
  }

  /** Why a draft was sent back, for its drafter (who may not read the audit log): the latest rejection's reason, who and when. */
  private async lastRejection(id: number): Promise<CampaignRejection | null> {
    const [entry] = await this.audit.list({ scope: null, action: 'campaign.rejected', objectType: 'campaign', objectId: String(id), limit: 1, offset: 0 });
    return entry ? { reason: String(entry.details.reason ?? ''), by: entry.username, at: entry.at } : null;
  }

  @Get(':id/plan')
  @AnyRole()
  @ApiOperation({ summary: 'Deadline plan: per carrier, what is left, the TPS share behind the campaigns ahead, the send windows, the finish' })
  plan(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<DeadlinePlan> {
    return this.campaigns.plan(id, user);
  }

  @Post()
  @Roles('drafter')
  @ApiOperation({ summary: 'Create a draft campaign; the text is rendered per province now' })
  create(@Body() body: CreateCampaignDto, @CurrentUser() user: AuthUser): Promise<Campaign> {
    return this.campaigns.create(newCampaign(body), user);
  }

  @Post('plan')
  @HttpCode(200)
  @Roles('drafter')
  @ApiOperation({ summary: 'Deadline plan of a campaign before it is saved (the body of POST /campaigns); saves nothing' })
  planDraft(@Body() body: CreateCampaignDto, @CurrentUser() user: AuthUser): Promise<DeadlinePlan> {
    return this.campaigns.planDraft(newCampaign(body), user);
  }

  @Post(':id/send-limits')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({
    summary: 'Set the send window and daily cap of a campaign not finished yet; a wider or lifted window or a lifted cap needs overrideReason (audited)',
  })
  setSendLimits(@Param('id', ParseIdPipe) id: number, @Body() body: SendLimitsDto, @CurrentUser() user: AuthUser): Promise<Campaign> {
    return this.campaigns.setSendLimits(id, body, user);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('drafter')
  submit(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<Campaign> {
    return this.campaigns.submit(id, user);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ summary: 'Reject (not your own) with a reason: the campaign goes back to its drafter as a draft' })
  reject(@Param('id', ParseIdPipe) id: number, @Body() body: RejectCampaignDto, @CurrentUser() user: AuthUser): Promise<Campaign> {
    return this.campaigns.reject(id, body.reason, user);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({
    summary: 'Approve (not your own): the campaign is scheduled for its start time',
    description: 'Refused (409) with an empty audience, and when its plan misses the report deadline unless acknowledged with a reason',
  })
  approve(@Param('id', ParseIdPipe) id: number, @Body() body: ApproveCampaignDto, @CurrentUser() user: AuthUser): Promise<Campaign> {
    return this.campaigns.approve(id, user, body);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles('operator', 'approver')
  pause(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<Campaign> {
    return this.campaigns.pause(id, user);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles('operator', 'approver')
  resume(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<Campaign> {
    return this.campaigns.resume(id, user);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('operator', 'approver')
  cancel(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<Campaign> {
    return this.campaigns.cancel(id, user);
  }
}

function newCampaign(body: CreateCampaignDto): NewCampaign {
  return { ...body, startAt: toInstant(body.startAt), reportDeadline: body.reportDeadline ? toInstant(body.reportDeadline) : undefined };
}
