import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length } from 'class-validator';
import { CARRIERS } from '@loa/common';
import { REGISTRATION_STATES, type RegistrationState, type TemplateVariable } from '@loa/templates';
import { CsvLocaleQuery } from '../reports/report.dto';

export class RecordRegistrationDto {
  @ApiProperty({
    enum: REGISTRATION_STATES,
    description:
      'submitted: the pattern (built from the approved version) was sent to the carrier; registered: the carrier registered it (give its reference); refused: it refused (give its reason)',
  })
  @IsIn(REGISTRATION_STATES)
  state: RegistrationState;

  @ApiPropertyOptional({ description: "The carrier's reference of the registered pattern (state registered)", example: 'VT-CSKH-2026-0142' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  reference?: string;

  @ApiPropertyOptional({ description: "The carrier's reason (state refused)", example: 'Nội dung chứa đường dẫn chưa đăng ký' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;

  @ApiPropertyOptional({
    description: "Longest value each variable's slot takes, in characters as sent (default: a little above the longest province value, e.g. province.unit 30)",
    example: { 'province.unit': 30, 'province.hotline': 20 },
  })
  @IsOptional()
  @IsObject()
  slots?: Partial<Record<TemplateVariable, number>>;
}

const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;

export class RegistrationsQuery extends CsvLocaleQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json', description: "csv / xlsx: the patterns in the carriers' registration form" })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format: (typeof EXPORT_FORMATS)[number] = 'json';

  @ApiPropertyOptional({ enum: CARRIERS, description: 'Only this carrier' })
  @IsOptional()
  @IsIn(CARRIERS)
  carrier?: string;
}
