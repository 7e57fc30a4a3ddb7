import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { Response } from 'express';
import { AuditLogReader, type AuditRecord, type AuthUser, CurrentUser, detailsForScope, Roles, withNumbersMasked } from '@loa/auth';
import { forbidden } from '@loa/common';
import { CSV_LOCALES, type CsvLocale } from '@loa/reporting';
import { IsApiInstant, toInstant } from '../common/instant';
import { PageQuery } from '../common/page.query';
import { CSV_LOCALE_DESCRIPTION } from '../reports/report.dto';
import { auditCsv } from './audit-csv';
import { withStoredTimesInVietnam } from './audit-times';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';

  @ApiPropertyOptional({
    example: 'campaign.cancelled',
    description: 'An action exactly, or a kind of actions: campaign finds campaign.approved, campaign.paused…',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  action?: string;

  @ApiPropertyOptional({ example: 'campaign' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  objectType?: string;

  @ApiPropertyOptional({ example: '12', description: "The object's id, exactly (a subscriber number as 84xxxxxxxxx: admins only)" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  objectId?: string;

  @ApiPropertyOptional({ example: 'demo-admin', description: 'Part of the username of who did it, any case' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  user?: string;

  @ApiPropertyOptional({ description: 'From this time (ISO 8601; without an offset, Vietnam time)' })
  @IsOptional()
  @IsApiInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Before this time' })
  @IsOptional()
  @IsApiInstant()
  to?: string;

  @ApiPropertyOptional({ enum: CSV_LOCALES, default: 'en', description: CSV_LOCALE_DESCRIPTION })
  @IsOptional()
  @IsIn(CSV_LOCALES)
  locale: CsvLocale = 'en';
}

/** A subscriber number as the audit log stores it. */
const STORED_NUMBER = /^84\d{9}$/;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly reader: AuditLogReader) {}

  @Get()
  @Roles('approver')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: 'Who did what, to which object and provinces, from where: the entries of your provinces, newest first (admins, approvers)' })
  async list(@Query() query: AuditQuery, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) response: Response): Promise<AuditRecord[] | string> {
    // Others see numbers masked: a search by a whole number would tell them whom the entries are about.
    if (query.objectId !== undefined && user.role !== 'admin' && STORED_NUMBER.test(query.objectId)) {
      throw forbidden('objectId: only admins search the audit log by a subscriber number');
    }
    const stored = await this.reader.list({
      scope: user.provinceScope,
      action: query.action,
      objectType: query.objectType,
      objectId: query.objectId,
      username: query.user,
      from: query.from ? toInstant(query.from) : undefined,
      to: query.to ? toInstant(query.to) : undefined,
      limit: query.limit,
      offset: query.offset,
    });
    const entries = stored.map(withStoredTimesInVietnam);
    // Counts about provinces outside the reader's scope are theirs only (see detailsForScope).
    entries.forEach((entry) => (entry.details = detailsForScope(entry.details, entry.provinces, user.provinceScope)));
    // Numbers (object ids, the numbers in details) are personal data: whole for admins on screen, masked for
    // everyone else and in every CSV (a file leaves the system).
    if (query.format === 'json') return user.role === 'admin' ? entries : entries.map(withNumbersMasked);
    response.type('text/csv; charset=utf-8').attachment('nhat-ky-kiem-toan.csv');
    return auditCsv(entries.map(withNumbersMasked), query.locale);
  }
}
