import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
    : value;

export class AudienceCountQuery {
  @ApiPropertyOptional({
    description: 'Comma-separated provinces: current codes, names (legacy names are mapped) or "legacy:NN". Default: your whole scope.',
    example: '01,79,Cần Thơ',
  })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(100)
  provinces?: string[];

  @ApiPropertyOptional({ description: 'Comma-separated carriers: viettel, vnpt (or vinaphone), mobifone, others. Default: all.', example: 'viettel,vnpt' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(4)
  carriers?: string[];
}

export class CarrierTotalsDto {
  @ApiProperty() viettel: number;
  @ApiProperty() vnpt: number;
  @ApiProperty() mobifone: number;
  @ApiProperty() others: number;
}

export class ProvinceAudienceDto {
  @ApiProperty({ example: '92' }) code: string;
  @ApiProperty({ example: 'Cần Thơ' }) name: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: CarrierTotalsDto }) carriers: CarrierTotalsDto;
}

export class AudienceCountDto {
  @ApiProperty({ description: 'Active subscribers, opted-out and excluded numbers left out' }) total: number;
  @ApiProperty({ type: CarrierTotalsDto }) carriers: CarrierTotalsDto;
  @ApiProperty({ type: [ProvinceAudienceDto] }) provinces: ProvinceAudienceDto[];
  @ApiProperty({
    description: 'Legacy province names in the request and the current unit each was mapped to',
    example: [{ input: 'Hậu Giang', code: '92', mappedFrom: { code: '93', name: 'Hậu Giang' } }],
  })
  mapped: { input: string; code: string; mappedFrom: { code: string; name: string } }[];
}

export class ImportJobDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['running', 'completed'] }) state: string;
  @ApiProperty({ example: 'api upload' }) source: string;
  @ApiProperty({ nullable: true, type: Number }) createdBy: number | null;
  @ApiProperty({ nullable: true, type: [String], description: "The importer's provinces (null: national)" }) provinces: string[] | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;
  @ApiProperty({ description: 'Data lines read (header and blank lines not counted)' }) read: number;
  @ApiProperty() inserted: number;
  @ApiProperty() updated: number;
  @ApiProperty({ description: 'Rows already stored exactly so (a re-imported file is all unchanged)' }) unchanged: number;
  @ApiProperty({
    description:
      "Rows refused; GET /subscribers/imports/:id/rejections.csv says which line and why. A province-scoped user's import refuses every row whose number is not already a subscriber of their provinces, whether it belongs to another province or to none (the answer cannot tell which)",
  })
  rejected: number;
  @ApiProperty({ description: 'Accepted rows whose province was a legacy (pre-2025) name or code' }) mapped: number;
  @ApiProperty({
    enum: [',', ';', '\t'],
    nullable: true,
    description:
      'The separator found on line 1: comma, semicolon (what Excel with Vietnamese regional settings saves) or tab; null for jobs from before it was recorded',
  })
  separator: ',' | ';' | '\t' | null;
}

export class AddExclusionsDto {
  @ApiProperty({ description: 'Numbers in any accepted form (0912345678, +84 912 345 678, 84912345678…)', example: ['0912345678'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  msisdns: string[];

  @ApiPropertyOptional({ example: 'subscriber asked by phone, ticket 1234' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class AddExclusionsResultDto {
  @ApiProperty({ description: 'Numbers newly excluded (84 + 9 digits)' }) added: string[];
  @ApiProperty({ description: 'Numbers that were already on the list' }) alreadyExcluded: string[];
}

export class ExclusionDto {
  @ApiProperty({ example: '84912345678' }) msisdn: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The subscriber province (null: a number no import knows)' }) provinceCode: string | null;
  @ApiProperty({ nullable: true, type: Number }) createdBy: number | null;
  @ApiProperty() createdAt: Date;
}

export class ExclusionPageDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [ExclusionDto] }) items: ExclusionDto[];
}
