import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { CARRIERS } from '@loa/common';
import { type EncodingPolicy } from '@loa/sms';
import { MAX_ID } from '../common/parse-id.pipe';
import { IsReason } from '../common/reason';

export class CreateTemplateDto {
  @ApiProperty({ example: 'Cảnh báo lừa đảo trực tuyến' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({
    description:
      'Handlebars body; variables: province.name ("Tỉnh Sơn La"), province.shortName ("Sơn La"), province.unit ("tỉnh Sơn La", mid-sentence), province.hotline, province.hotlines, province.website, province.zalo, province.fanpage, province.vneid, campaign.name… A contact some province has none of is a lint error unless printed inside {{#if}}',
    example: 'Công an {{province.unit}} cảnh báo: không cung cấp mã OTP cho bất kỳ ai. Liên hệ {{province.hotline}}.',
  })
  @IsString()
  @Length(1, 2000)
  body: string;

  @ApiPropertyOptional({ enum: ['auto', 'unicode', 'ascii-fold'], default: 'auto' })
  @IsOptional()
  @IsIn(['auto', 'unicode', 'ascii-fold'])
  encodingPolicy: EncodingPolicy = 'auto';

  @ApiPropertyOptional({ minimum: 1, maximum: 10, default: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  maxSegments: number = 3;

  @ApiPropertyOptional({ description: 'Id of the version this one edits; the new version joins its family' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  previousVersionId?: number;
}

export class RejectTemplateDto {
  @ApiProperty({ example: 'Thiếu số đường dây nóng của tỉnh', description: 'At least 15 characters, in words, not one character repeated', minLength: 15 })
  @IsReason(1000)
  reason: string;
}

export class PreviewTemplateDto {
  @ApiPropertyOptional({ description: 'Handlebars body to preview, not saved yet; or give templateId' })
  @ValidateIf((dto: PreviewTemplateDto) => dto.templateId === undefined || dto.body !== undefined)
  @IsString()
  @Length(1, 2000)
  body?: string;

  @ApiPropertyOptional({ description: 'A saved template version to preview, with its own maximum of segments; or give body' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  templateId?: number;

  @ApiPropertyOptional({ enum: ['auto', 'unicode', 'ascii-fold'], description: 'One policy; all three when absent' })
  @IsOptional()
  @IsIn(['auto', 'unicode', 'ascii-fold'])
  policy?: EncodingPolicy;

  @ApiPropertyOptional({ minimum: 1, maximum: 10, default: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  maxSegments: number = 3;

  @ApiPropertyOptional({ description: 'Province codes; your whole scope when absent', example: ['66', '92'] })
  @IsOptional()
  @Matches(/^\d{2}$/, { each: true, message: 'each province must be a two-digit province code' })
  provinces: string[] = [];

  @ApiPropertyOptional({ enum: CARRIERS, isArray: true })
  @IsOptional()
  @IsIn(CARRIERS, { each: true })
  carriers: string[] = [];
}
