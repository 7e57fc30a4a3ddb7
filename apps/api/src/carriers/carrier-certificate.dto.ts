import { ApiProperty } from '@nestjs/swagger';
import { CERTIFICATE_WARNING_DAYS } from '@loa/campaigns';

export class BrandnameCertificateDto {
  @ApiProperty({ example: '001/2025/CNTĐD-BCA' })
  number!: string;
  @ApiProperty({ example: '2025-03-01', description: 'First day it is valid (Viet Nam), YYYY-MM-DD' })
  validFrom!: string;
  @ApiProperty({ example: '2030-02-28', description: 'Last day it is valid (Viet Nam), YYYY-MM-DD, included' })
  validTo!: string;
}

export class CarrierCertificateDto {
  @ApiProperty({ example: 'viettel' })
  carrier!: string;
  @ApiProperty({ example: 'CONGAN', description: 'The brandname ("tên định danh") messages go out under' })
  brandname!: string;
  @ApiProperty({ type: BrandnameCertificateDto, nullable: true, description: 'null: the carriers file has no certificate for this account' })
  certificate!: BrandnameCertificateDto | null;
  @ApiProperty({
    enum: ['valid', 'expiring', 'lapsed', 'not_yet_valid', 'unknown'],
    description: `expiring: ${CERTIFICATE_WARNING_DAYS} days or fewer left (the dashboard warns); lapsed: past validTo, the plan and the approval refuse the carrier; unknown: no certificate on record`,
  })
  state!: string;
  @ApiProperty({ type: Number, nullable: true, example: 83, description: 'Days from today (Viet Nam) to validTo: 0 on its last day, negative once lapsed' })
  daysLeft!: number | null;
  @ApiProperty({ type: Date, nullable: true, description: 'The first instant it no longer covers: 24:00 of validTo, Viet Nam time' })
  lapsesAt!: Date | null;
}
