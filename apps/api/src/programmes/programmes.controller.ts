import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { AnyRole, type AuthUser, CurrentUser, Roles } from '@loa/auth';
import { type Programme, ProgrammesService } from '@loa/campaigns';
import { type ProgrammeReport, programmeCsv, programmeHtml, programmeXlsx, ReportingService } from '@loa/reporting';
import { toInstant } from '../common/instant';
import { PageQuery } from '../common/page.query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ProgrammeReportQuery } from '../reports/report.dto';
import { onlyProvince, sendDownload, XLSX_TYPE } from '../reports/report-response';
import { CreateProgrammeDto } from './programme.dto';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly reporting: ReportingService,
  ) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Programmes (plans of several campaigns) touching your provinces, newest first' })
  async list(@Query() page: PageQuery, @CurrentUser() user: AuthUser): Promise<ProgrammeAnswer[]> {
    return (await this.programmes.list(user, page.limit, page.offset)).map(withOldName);
  }

  @Get(':id')
  @AnyRole()
  async get(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<ProgrammeAnswer> {
    return withOldName(await this.programmes.get(id, user));
  }

  @Post()
  @Roles('drafter', 'approver')
  @ApiOperation({
    summary:
      "Create a programme: name, the plan's reference, the report's number, place, signer, recipients, issuing unit, legal basis, contact officer, report deadline, provinces",
  })
  async create(@Body() body: CreateProgrammeDto, @CurrentUser() user: AuthUser): Promise<ProgrammeAnswer> {
    const programme = await this.programmes.create(
      {
        name: body.name,
        planReference: body.planReference ?? body.documentNumber ?? null,
        reportNumber: body.reportNumber ?? null,
        place: body.place ?? null,
        signerName: body.signerName ?? null,
        signerTitle: body.signerTitle ?? null,
        recipients: body.recipients ?? [],
        governingBody: body.governingBody ?? null,
        issuingUnit: body.issuingUnit,
        legalBasis: body.legalBasis ?? null,
        contactOfficer: body.contactOfficer ?? null,
        contactPhone: body.contactPhone ?? null,
        reportDeadline: body.reportDeadline ? toInstant(body.reportDeadline) : null,
        provinces: body.provinces,
      },
      user,
    );
    return withOldName(programme);
  }

  @Get(':id/report')
  @AnyRole()
  @ApiOperation({ summary: "Consolidated report: each campaign's figures, the totals and the distinct subscribers reached; printable as HTML" })
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE, 'text/html')
  async report(
    @Param('id', ParseIdPipe) id: number,
    @Query() query: ProgrammeReportQuery,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProgrammeReport | void> {
    const report = await this.reporting.programmeReport(id, user);
    const name = `bao-cao-chuong-trinh-${id}`;
    switch (query.format) {
      case 'json':
        return report;
      case 'csv':
        return sendDownload(response, programmeCsv(report, query.locale), 'text/csv; charset=utf-8', `${name}.csv`);
      case 'xlsx':
        return sendDownload(response, await programmeXlsx(report), XLSX_TYPE, `${name}.xlsx`);
      case 'html':
        response
          .status(200)
          .type('text/html; charset=utf-8')
          .send(programmeHtml(report, { provinceName: onlyProvince(report.rows) }));
        return;
    }
  }
}

/** A programme as answered: `documentNumber`, the plan reference's old name, stays beside it for older clients. */
type ProgrammeAnswer = Programme & { documentNumber: string | null };

function withOldName(programme: Programme): ProgrammeAnswer {
  return { ...programme, documentNumber: programme.planReference };
}
