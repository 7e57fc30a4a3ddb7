import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, type AuthUser, CurrentUser, scopedProvinces } from '@loa/auth';
import { invalid } from '@loa/common';
import { ProvinceDirectory } from '@loa/provinces';
import { AudienceRepository, parseCarrierName } from '@loa/subscribers';
import { AudienceCountDto, AudienceCountQuery } from './subscriber.dto';

@ApiTags('subscribers')
@ApiBearerAuth()
@Controller('audiences')
export class AudiencesController {
  constructor(
    private readonly audiences: AudienceRepository,
    private readonly directory: ProvinceDirectory,
  ) {}

  @Get('count')
  @AnyRole()
  @ApiOperation({ summary: 'Active, not excluded subscribers per province and carrier, within your province scope' })
  async count(@Query() query: AudienceCountQuery, @CurrentUser() user: AuthUser): Promise<AudienceCountDto> {
    const resolved = (query.provinces ?? []).map((input) => ({ input, ...this.directory.resolve(input) }));
    const provinces = scopedProvinces(
      user,
      resolved.map((r) => r.province.code),
    );
    const carriers = (query.carriers ?? []).map((name) => {
      const carrier = name.toLowerCase() === 'others' ? 'others' : parseCarrierName(name);
      if (!carrier) throw invalid(`carriers: unknown carrier "${name}" (viettel, vnpt, mobifone, others)`, { carrier: name });
      return carrier;
    });
    const count = await this.audiences.count({ provinces, carriers });
    const mapped = resolved.flatMap((r) => (r.mappedFrom ? [{ input: r.input, code: r.province.code, mappedFrom: r.mappedFrom }] : []));
    return { ...count, mapped };
  }
}
