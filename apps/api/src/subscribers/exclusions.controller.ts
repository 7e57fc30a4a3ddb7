import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '@loa/auth';
import { ExclusionsService } from '@loa/subscribers';
import { PageQuery } from '../common/page.query';
import { AddExclusionsDto, AddExclusionsResultDto, ExclusionPageDto } from './subscriber.dto';

/** Numbers that must never receive a campaign, whatever list they come in on; applied at materialisation. */
@ApiTags('subscribers')
@ApiBearerAuth()
@Controller('subscribers/exclusions')
export class ExclusionsController {
  constructor(private readonly service: ExclusionsService) {}

  @Get()
  @Roles('drafter', 'operator')
  @ApiOperation({ summary: 'The exclusion list of your provinces, newest first' })
  list(@Query() page: PageQuery, @CurrentUser() user: AuthUser): Promise<ExclusionPageDto> {
    return this.service.list(user, page.limit, page.offset);
  }

  @Post()
  @HttpCode(201)
  @Roles('drafter', 'operator')
  @ApiOperation({ summary: 'Exclude numbers (any accepted form; one bad number refuses the whole request)' })
  add(@Body() body: AddExclusionsDto, @CurrentUser() user: AuthUser): Promise<AddExclusionsResultDto> {
    return this.service.add(user, body.msisdns, body.reason ?? null);
  }

  @Delete(':msisdn')
  @HttpCode(204)
  @Roles('drafter', 'operator')
  @ApiOperation({ summary: 'Take a number off the exclusion list' })
  async remove(@Param('msisdn') msisdn: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.service.remove(user, msisdn);
  }
}
