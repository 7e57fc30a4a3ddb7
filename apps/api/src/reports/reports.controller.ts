import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { AnyRole, type AuthUser, CurrentUser, Roles } from '@loa/auth';
import { type CampaignReport, campaignCsv, campaignHtml, campaignXlsx, type DeadlineEntry, ReportingService } from '@loa/reporting';
import { toInstant } from '../common/instant';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { DeadlineEntryDto } from './deadline-entry.dto';
import { CarrierReportDto, DeadlinesQuery, ReportQuery } from './report.dto';
import { onlyProvince, sendDownload, XLSX_TYPE } from './report-response';

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(private readonly reporting: ReportingService) {}

  @Get('campaigns/:id/report')
  @AnyRole()
  @ApiOperation({
    summary:
      "Delivery report: per province and carrier with totals, delivery rate, errors, times, timeline; as of a moment; frozen at the deadline; carriers' own figures",
  })
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE, 'text/html')
  async report(
    @Param('id', ParseIdPipe) id: number,
    @Query() query: ReportQuery,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CampaignReport | void> {
    const report = await this.reporting.campaignReport(id, user, { asOf: query.asOf ? toInstant(query.asOf) : undefined });
    const name = `bao-cao-chien-dich-${id}`;
    switch (query.format) {
      case 'json':
        return report;
      case 'csv':
        return sendDownload(response, campaignCsv(report, query.locale), 'text/csv; charset=utf-8', `${name}.csv`);
      case 'xlsx':
        return sendDownload(response, await campaignXlsx(report), XLSX_TYPE, `${name}.xlsx`);
      case 'html':
        response
          .status(200)
          .type('text/html; charset=utf-8')
          .send(campaignHtml(report, { provinceName: onlyProvince(report.rows) }));
        return;
    }
  }

  @Post('campaigns/:id/carrier-reports')
  @Roles('operator')
  @ApiOperation({ summary: "Record what a carrier reported back for the campaign (its figures and letter); the report shows them beside Loa's" })
  async recordCarrierReport(@Param('id', ParseIdPipe) id: number, @Body() body: CarrierReportDto, @CurrentUser() user: AuthUser): Promise<{ id: number }> {
    return { id: await this.reporting.recordCarrierReport(id, { ...body, reference: body.reference ?? null }, user) };
  }

  @Get('reports/deadlines')
  @AnyRole()
  @ApiOperation({ summary: 'Campaigns and programmes whose report is due within `days`, soonest first, with delivery rate and state' })
  @ApiOkResponse({ type: [DeadlineEntryDto] })
  deadlines(@Query() query: DeadlinesQuery, @CurrentUser() user: AuthUser): Promise<DeadlineEntry[]> {
    return this.reporting.deadlines(query.days, user);
  }
}
