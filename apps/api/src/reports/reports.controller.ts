import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AnyRole, type AuthUser, CurrentUser } from '@loa/auth';
import { invalid } from '@loa/common';
import { type CampaignReport, type DeliveryTimeline, DeliveryTimelineService, ReportingService } from '@loa/reporting';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('campaigns')
export class ReportsController {
  constructor(
    private readonly reporting: ReportingService,
    private readonly timelines: DeliveryTimelineService,
  ) {}

  @Get(':id/report')
  @AnyRole()
  @ApiOperation({ summary: 'Delivery report: counts per province and carrier' })
  @ApiQuery({ name: 'format', required: false, enum: ['json'] })
  report(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser, @Query('format') format = 'json'): Promise<CampaignReport> {
    if (format !== 'json') throw invalid(`format: ${format} is not supported yet; use json`);
    return this.reporting.campaignReport(id, user);
  }

  @Get(':id/timeline')
  @AnyRole()
  @ApiOperation({ summary: 'Submits, deliveries and other final states over time, in buckets of 1 s to 1 day (at most 120 buckets)' })
  timeline(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<DeliveryTimeline> {
    return this.timelines.timeline(id, user);
  }
}
