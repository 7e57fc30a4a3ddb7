import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AnyRole, type AuthUser, CurrentUser, isInScope } from '@loa/auth';
import { CampaignsService } from '@loa/campaigns';
import { queryRows } from '@loa/database';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CAMPAIGN_TEXTS } from './campaign-texts.sql';

export class CampaignTextDto {
  @ApiProperty({ example: '14' }) provinceCode: string;
  @ApiProperty({ description: 'The text exactly as it goes to the carriers' }) text: string;
  @ApiProperty({ enum: ['gsm7', 'ucs2'] }) encoding: string;
  @ApiProperty({ description: 'The most parts any carrier of the campaign takes' }) segments: number;
  @ApiProperty({ example: { viettel: 2, vnpt: 3 }, description: "Each carrier's own count of parts" }) carrierSegments: Record<string, number>;
}

/** GET /campaigns/:id/texts: what an approver reads before approving (the console shows it beside the plan). */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignTextsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly db: DataSource,
  ) {}

  @Get(':id/texts')
  @AnyRole()
  @ApiOperation({ summary: 'The texts of a campaign as rendered when saved, per province of yours, with each carrier’s parts' })
  @ApiOkResponse({ type: [CampaignTextDto] })
  async texts(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<CampaignTextDto[]> {
    const campaign = await this.campaigns.get(id, user);
    const visible = campaign.provinces.filter((code) => isInScope(user, code));
    return queryRows<CampaignTextDto>(this.db, CAMPAIGN_TEXTS, [id, visible]);
  }
}
