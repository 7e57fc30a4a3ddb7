import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsOptional, IsString, Length } from 'class-validator';
import { IsApiInstant } from '../common/instant';

export class CreateProgrammeDto {
  @ApiProperty({ example: 'Tuyên truyền phòng, chống lừa đảo dịp Tết Bính Ngọ' })
  @IsString()
  @Length(1, 300)
  name: string;

  @ApiPropertyOptional({ description: "The plan's number and code the report answers (Kế hoạch số …)", example: '306/KH-UBND' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  planReference?: string;

  @ApiPropertyOptional({ description: 'Deprecated: the plan reference under its old name; send planReference', deprecated: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  documentNumber?: string;

  @ApiPropertyOptional({ description: 'The report\'s own number and code, its "Số:"', example: '45/BC-CAT-PA05' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  reportNumber?: string;

  @ApiPropertyOptional({
    description: "The place on the report's dateline; default: the province's short name when the programme has one province",
    example: 'Sơn La',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  place?: string;

  @ApiPropertyOptional({ description: "The signer's rank and name", example: 'Đại tá Nguyễn Văn B' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  signerName?: string;

  @ApiPropertyOptional({
    description: "The signer's title, a line each (on someone's behalf: `KT. GIÁM ĐỐC` then `PHÓ GIÁM ĐỐC`)",
    example: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  signerTitle?: string;

  @ApiPropertyOptional({
    description: 'Nơi nhận: one recipient each ("Như trên" and the archive line are added)',
    example: ['Chủ tịch UBND tỉnh (để b/c)', 'Ban Giám đốc CAT (để b/c)'],
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  recipients?: string[];

  @ApiPropertyOptional({ description: 'The body above the issuing unit on the header', example: 'UBND TỈNH SƠN LA' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  governingBody?: string;

  @ApiProperty({ example: 'CÔNG AN TỈNH SƠN LA' })
  @IsString()
  @Length(1, 200)
  issuingUnit: string;

  @ApiPropertyOptional({ example: 'Chỉ thị số 18/CT-UBND ngày 28/11/2023 và Kế hoạch số 306/KH-UBND ngày 26/12/2023 của UBND tỉnh' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  legalBasis?: string;

  @ApiPropertyOptional({ example: 'Đại úy Nguyễn Văn A, Phòng PA05' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  contactOfficer?: string;

  @ApiPropertyOptional({ example: '0212 3852 000' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  contactPhone?: string;

  @ApiPropertyOptional({
    description: 'When the consolidated report is due (ISO 8601; without an offset it is read as Vietnam time, +07:00)',
    example: '2026-02-24T17:00:00+07:00',
  })
  @IsOptional()
  @IsApiInstant()
  reportDeadline?: string;

  @ApiProperty({ description: 'Provinces the programme covers (codes or names)', example: ['14'] })
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  provinces: string[];
}
