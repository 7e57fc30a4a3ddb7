import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateIf } from 'class-validator';

export class ProvinceDto {
  @ApiProperty({ example: '92' }) code: string;
  @ApiProperty({ example: 'Thành phố Cần Thơ' }) name: string;
  @ApiProperty({ example: 'Cần Thơ' }) shortName: string;
  @ApiProperty({ example: 'can-tho' }) slug: string;
  @ApiProperty({ enum: ['city', 'province'] }) kind: string;
  @ApiProperty({ example: ['069.367.2888'] }) policeHotlines: string[];
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Zalo Official Account of the police, as printed', example: 'zalo.me/1234567890' })
  zalo: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Facebook fanpage of the police, as printed', example: 'facebook.com/congan.example' })
  fanpage: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Where to find VNeID\'s "Cảnh báo thủ đoạn tội phạm", as printed' })
  vneid: string | null;
}

export class ProvinceMatchDto {
  @ApiProperty({ type: ProvinceDto }) province: ProvinceDto;
  @ApiPropertyOptional({ description: 'The legacy (pre-2025) unit the query named', example: { code: '93', name: 'Hậu Giang' } })
  mappedFrom?: { code: string; name: string };
}

export class ProvinceQuery {
  @ApiPropertyOptional({ description: 'Resolve a code, name, legacy name or "legacy:NN" to the current unit', example: 'Hậu Giang' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UpdateProvinceDto {
  @ApiPropertyOptional({ description: 'Police hotlines as printed in messages (digits, dots, spaces)', example: ['069.4389.211', '0262.3818.568'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @Matches(/^(113|0\d[\d. ]{6,14}\d)$/, { each: true, message: 'each hotline must be 113 or a Vietnamese number like 069.367.2888' })
  policeHotlines?: string[];

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'https URL of the police website; null clears it',
    example: 'https://congan.cantho.gov.vn',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(200)
  website?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Zalo OA link (zalo.me/…); null clears it', example: 'zalo.me/1234567890' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(/^(https?:\/\/)?(oa\.)?zalo\.me\/[\w.\-/]+$/, { message: 'zalo must be a zalo.me link, e.g. zalo.me/1234567890' })
  @MaxLength(120)
  zalo?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Facebook fanpage link; null clears it', example: 'facebook.com/congan.example' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(/^(https?:\/\/)?((www|m)\.)?(facebook\.com|fb\.com)\/[\w.\-/]+$/, { message: 'fanpage must be a facebook.com or fb.com link' })
  @MaxLength(120)
  fanpage?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'How the message points to VNeID\'s "Cảnh báo thủ đoạn tội phạm" (words or a vneid.gov.vn link); null clears it',
    example: 'mục "Cảnh báo thủ đoạn tội phạm" trên ứng dụng VNeID',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(1, 120)
  vneid?: string | null;
}
