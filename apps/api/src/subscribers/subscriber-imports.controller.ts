import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type AuthUser, CurrentUser, Roles } from '@loa/auth';
import { invalid, notFound } from '@loa/common';
import { type ImportJob, SubscriberImportService, SubscriberImportsRepository } from '@loa/subscribers';
import { ImportJobDto } from './subscriber.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';

/** Spreadsheets on Windows label CSV as vnd.ms-excel; curl --data-binary sends octet-stream. */
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];

@ApiTags('subscribers')
@ApiBearerAuth()
@Controller('subscribers/imports')
export class SubscriberImportsController {
  constructor(
    private readonly importer: SubscriberImportService,
    private readonly imports: SubscriberImportsRepository,
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
    return this.importer.importCsv(request, { source: 'api upload', user });
  }

  @Get(':id')
  @Roles('drafter')
  @ApiOperation({ summary: 'An import job with its counts' })
  get(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser): Promise<ImportJobDto> {
    return this.visibleJob(id, user);
  }

  @Get(':id/rejections.csv')
  @Roles('drafter')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The refused rows as CSV (UTF-8 with BOM): line,reason,raw' })
  async rejections(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser, @Res() response: Response): Promise<void> {
    await this.visibleJob(id, user);
    response.status(200).type('text/csv; charset=utf-8').attachment(`import-${id}-rejections.csv`);
    await this.imports.writeRejectionsCsv(id, response);
  }

  /** Lists hold personal data: a province-scoped user sees only the imports they made. */
  private async visibleJob(id: number, user: AuthUser): Promise<ImportJob> {
    const job = await this.imports.get(id);
    if (user.provinceScope !== null && job.createdBy !== user.id) throw notFound(`import ${id} not found`);
    return job;
  }
}
