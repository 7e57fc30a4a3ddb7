import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsOptional, IsString, Length } from 'class-validator';
import { IsApiInstant } from '../common/instant';

export class CreateProgrammeDto {
  @ApiProperty({ example: 'Tuyên truyền phòng, chống lừa đảo dịp Tết Bính Ngọ' })
  @IsString()
  @Length(1, 300)
  name: string;

  @ApiPropertyOptional({ example: '306/KH-UBND' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  documentNumber?: string;

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
