import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { AuditLogRepository, type AuthUser, coversAll, CurrentUser, Roles } from '@loa/auth';
import { invalid, notFound } from '@loa/common';
import { type ImportJob, SubscriberImportService, SubscriberImportsRepository } from '@loa/subscribers';
import { ImportJobDto } from './subscriber.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ImportSlots } from './import-limits';
import { spoolUpload } from './upload-spool';

/** Spreadsheets on Windows label CSV as vnd.ms-excel; curl --data-binary sends octet-stream. */
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];

@ApiTags('subscribers')
@ApiBearerAuth()
@Controller('subscribers/imports')
export class SubscriberImportsController {
  constructor(
    private readonly importer: SubscriberImportService,
    private readonly imports: SubscriberImportsRepository,
    private readonly slots: ImportSlots,
    private readonly audit: AuditLogRepository,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('drafter')
  @ApiConsumes('text/csv')
  @ApiBody({
    description: 'UTF-8 CSV (BOM optional), header msisdn,carrier,province[,status] or so_dien_thoai,nha_mang,tinh[,trang_thai]; streamed, any size',
    schema: { type: 'string' },
  })
  @ApiOperation({ summary: 'Import a subscriber list; bad rows are refused one by one, a bad file as a whole (nothing written)' })
  async create(@Req() request: Request, @CurrentUser() user: AuthUser): Promise<ImportJobDto> {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!CSV_TYPES.includes(type)) {
      request.resume();
      throw invalid(`send the list as text/csv (got ${type || 'no content type'})`, { contentType: type });
    }
    const release = this.slots.take(user.id);
    try {
      // The whole upload lands in a temporary file first; only then is a database connection taken.
      const upload = await spoolUpload(request, this.slots.limits);
      try {
        return await this.importer.importCsv(createReadStream(upload.path), { source: 'api upload', user });
      } finally {
        await upload.remove();
      }
    } finally {
      release();
    }
  }

  @Get(':id')
  @Roles('drafter')
  @ApiOperation({ summary: 'An import job with its counts' })
  get(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<ImportJobDto> {
    return this.visibleJob(id, user);
  }

  @Get(':id/rejections.csv')
  @Roles('admin')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The refused rows as CSV (UTF-8 with BOM): line,reason,raw. An export of numbers: admins only, audited' })
  async rejections(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser, @Res() response: Response): Promise<void> {
    const job = await this.visibleJob(id, user);
    await this.audit.append(user, {
      action: 'subscribers.export_rejections',
      objectType: 'subscriber_import',
      objectId: id,
      provinces: job.provinces,
      details: { rejected: job.rejected },
    });
    response.status(200).type('text/csv; charset=utf-8').attachment(`import-${id}-rejections.csv`);
    await this.imports.writeRejectionsCsv(id, response);
  }

  /** Lists hold personal data: a province-scoped user sees only the imports they made, within their scope. */
  private async visibleJob(id: number, user: AuthUser): Promise<ImportJob> {
    const job = await this.imports.get(id);
    if (user.provinceScope !== null && (job.createdBy !== user.id || !coversAll(user, job.provinces))) throw notFound(`import ${id} not found`);
    return job;
  }
}
