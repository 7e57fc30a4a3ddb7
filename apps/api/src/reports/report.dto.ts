import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { type Carrier, CARRIERS } from '@loa/common';
import { CSV_LOCALES, type CsvLocale } from '@loa/reporting';
import { IsApiInstant } from '../common/instant';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CSV_LOCALE_DESCRIPTION =
  'CSV only: `vi` writes `;` between fields and `,` in decimals (`90,3`), as Excel with Vietnamese regional settings reads it; `en` writes `,` and `90.3`. In both, codes (a province code `01`) are quoted text and numbers never have a leading zero.';

/** `?locale=` of a CSV export: the separator and decimal mark it is written in. */
export class CsvLocaleQuery {
  @ApiPropertyOptional({
    enum: CSV_LOCALES,
    default: 'en',
    description: CSV_LOCALE_DESCRIPTION,
  })
  @IsOptional()
  @IsIn(CSV_LOCALES)
  locale: CsvLocale = 'en';
}

export class ReportQuery extends CsvLocaleQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';

  @ApiPropertyOptional({
    description:
      "The figures as they stood at this moment (ISO 8601; without an offset it is read as Vietnam time, +07:00), rounded down to the counters' time bucket (a minute); default now",
    example: '2026-02-24T00:00:00+07:00',
  })
  @IsOptional()
  @IsApiInstant()
  asOf?: string;
}

export class ProgrammeReportQuery extends CsvLocaleQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';
}

export class DeadlinesQuery {
  @ApiPropertyOptional({ description: 'Reports due within this many days', default: 7, minimum: 1, maximum: 366 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  days: number = 7;
}

export class CarrierReportDto {
  @ApiProperty({ enum: CARRIERS })
  @IsIn(CARRIERS)
  carrier: Carrier;

  @ApiProperty({ description: 'Subscribers the carrier says it targeted', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(200_000_000)
  targeted: number;

  @ApiProperty({ description: 'Messages the carrier says it sent', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(200_000_000)
  sent: number;

  @ApiProperty({ description: 'Messages the carrier says were delivered', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(200_000_000)
  delivered: number;

  @ApiProperty({ description: "Date of the carrier's report (YYYY-MM-DD)", example: '2026-02-20' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'reportedOn must be a date, YYYY-MM-DD' })
  reportedOn: string;

  @ApiPropertyOptional({ description: "Number and code of the carrier's letter", example: '1234/VTT-KD' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string;
}
