import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, assertActsOn, type AuthUser, CurrentUser, Roles } from '@loa/auth';
import { ProvinceDirectory, ProvincesRepository } from '@loa/provinces';
import { ProvinceDto, ProvinceMatchDto, ProvinceQuery, UpdateProvinceDto } from './province.dto';

@ApiTags('provinces')
@ApiBearerAuth()
@Controller('provinces')
export class ProvincesController {
  constructor(
    private readonly provinces: ProvincesRepository,
    private readonly directory: ProvinceDirectory,
  ) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'The 34 provinces with their police hotlines; with ?q= the one unit the query names (legacy names mapped)' })
  @ApiOkResponse({ type: [ProvinceMatchDto] })
  async list(@Query() query: ProvinceQuery): Promise<ProvinceMatchDto[]> {
    const stored = await this.provinces.list();
    if (query.q === undefined) return stored.map((province) => ({ province: strip(province) }));
    const found = this.directory.resolve(query.q);
    const province = stored.find((p) => p.code === found.province.code)!;
    return [{ province: strip(province), ...(found.mappedFrom ? { mappedFrom: found.mappedFrom } : {}) }];
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit police hotlines, website, Zalo OA, fanpage and VNeID pointer (admin; audited)' })
  async update(@Param('code') code: string, @Body() body: UpdateProvinceDto, @CurrentUser() user: AuthUser): Promise<ProvinceDto> {
    assertActsOn(user, [code], `province ${code}`);
    return strip(await this.provinces.updateContacts(user, code, body));
  }
}

function strip<T extends ProvinceDto>(province: T): ProvinceDto {
  const { code, name, shortName, slug, kind, policeHotlines, website, zalo, fanpage, vneid } = province;
  return { code, name, shortName, slug, kind, policeHotlines, website, zalo, fanpage, vneid };
}
