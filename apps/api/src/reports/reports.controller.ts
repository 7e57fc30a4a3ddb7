import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AnyRole, type AuthUser, CurrentUser } from '@loa/auth';
import { invalid } from '@loa/common';
import { type CampaignReport, ReportingService } from '@loa/reporting';
import { ParseIdPipe } from '../common/parse-id.pipe';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('campaigns')
export class ReportsController {
  constructor(private readonly reporting: ReportingService) {}

  @Get(':id/report')
  @AnyRole()
  @ApiOperation({ summary: 'Delivery report: counts per province and carrier' })
  @ApiQuery({ name: 'format', required: false, enum: ['json'] })
  report(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser, @Query('format') format = 'json'): Promise<CampaignReport> {
    if (format !== 'json') throw invalid(`format: ${format} is not supported yet; use json`);
    return this.reporting.campaignReport(id, user);
  }
}
