import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole } from '@loa/auth';
import { BrandnameCertificates, CERTIFICATE_WARNING_DAYS } from '@loa/campaigns';
import { CarrierCertificateDto } from './carrier-certificate.dto';

@ApiTags('carriers')
@ApiBearerAuth()
@Controller('carriers')
export class CarrierCertificatesController {
  constructor(private readonly certificates: BrandnameCertificates) {}

  @Get('certificates')
  @AnyRole()
  @ApiOperation({
    summary: `Each carrier account's brandname and its certificate: days left, and its state (expiring ${CERTIFICATE_WARNING_DAYS} days before it lapses)`,
  })
  @ApiOkResponse({ type: [CarrierCertificateDto] })
  list(): CarrierCertificateDto[] {
    return this.certificates.statuses();
  }
}
