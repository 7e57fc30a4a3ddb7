import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { AnyRole, type AuthUser, CurrentUser, Roles } from '@loa/auth';
import {
  type CarrierRegistration,
  CarrierRegistrationsService,
  registrationsCsv,
  registrationsXlsx,
  type TemplateRegistrations,
  TemplatesService,
} from '@loa/templates';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { sendDownload, XLSX_TYPE } from '../reports/report-response';
import { RecordRegistrationDto, RegistrationsQuery } from './template-registration.dto';

@ApiTags('templates')
@ApiBearerAuth()
@Controller('templates/:id/registrations')
export class TemplateRegistrationsController {
  constructor(
    private readonly registrations: CarrierRegistrationsService,
    private readonly templates: TemplatesService,
  ) {}

  @Get()
  @AnyRole()
  @ApiOperation({
    summary: 'Per carrier: the pattern sent (fixed text, slots of bounded length) and its state: submitted | registered (reference) | refused (reason)',
    description: "format=csv|xlsx (with carrier=…): the patterns in the carriers' registration form, one row per carrier",
  })
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  async list(
    @Param('id', ParseIdPipe) id: number,
    @Query() query: RegistrationsQuery,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TemplateRegistrations | void> {
    const found = await this.registrations.list(id, user);
    const registrations = found.registrations.filter((registration) => !query.carrier || registration.carrier === query.carrier);
    if (query.format === 'json') return { ...found, registrations };
    const template = await this.templates.get(id, user);
    const name = `dang-ky-mau-tin-${template.familyId}-v${template.version}${query.carrier ? `-${query.carrier}` : ''}`;
    if (query.format === 'csv') {
      const csv = registrationsCsv(template, registrations, query.locale === 'vi' ? ';' : ',');
      return sendDownload(response, csv, 'text/csv; charset=utf-8', `${name}.csv`);
    }
    return sendDownload(response, await registrationsXlsx(template, registrations), XLSX_TYPE, `${name}.xlsx`);
  }

  @Post(':carrier')
  @Roles('admin')
  @ApiOperation({
    summary: "Record a carrier's answer: the approved version sent as a pattern (submitted), registered with its reference, or refused with its reason",
  })
  record(
    @Param('id', ParseIdPipe) id: number,
    @Param('carrier') carrier: string,
    @Body() body: RecordRegistrationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CarrierRegistration> {
    return this.registrations.record(id, carrier, body, user);
  }
}
