import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { type Carrier, CARRIERS } from '@loa/common';
import { AMBIGUOUS_POLICIES, type AmbiguousPolicy } from '@loa/delivery';
import { IsApiInstant } from '../common/instant';
import { IsReason } from '../common/reason';
import { MAX_ID } from '../common/parse-id.pipe';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A campaign's send window and daily cap; anything beyond the defaults is an override with a reason. */
export class SendLimitsDto {
  @ApiPropertyOptional({
    description: 'Start of the daily send window, HH:MM wall clock Asia/Ho_Chi_Minh (with windowEnd; default from config: 07:00)',
    example: '08:00',
  })
  @IsOptional()
  @Matches(TIME_OF_DAY, { message: 'windowStart must be a time of day HH:MM (00:00–23:59)' })
  windowStart?: string;

  @ApiPropertyOptional({ description: 'End of the send window (exclusive), HH:MM; before windowStart crosses midnight (default 21:00)', example: '20:00' })
  @IsOptional()
  @Matches(TIME_OF_DAY, { message: 'windowEnd must be a time of day HH:MM (00:00–23:59)' })
  windowEnd?: string;

  @ApiPropertyOptional({ description: 'Always open (an urgent warning): an override, needs overrideReason', default: false })
  @IsOptional()
  @IsBoolean()
  windowLifted?: boolean;

  @ApiPropertyOptional({ description: 'Ignore the daily cap per subscriber: an override, needs overrideReason', default: false })
  @IsOptional()
  @IsBoolean()
  dailyCapLifted?: boolean;

  @ApiPropertyOptional({
    description:
      'Why: required for a window opening outside the default, a lifted window or a lifted cap; kept in the audit log. At least 15 characters, in words, not one character repeated',
    example: 'Bão số 3 đổ bộ trong đêm: cảnh báo khẩn',
    minLength: 15,
  })
  @IsOptional()
  @IsReason()
  overrideReason?: string;
}

export class CreateCampaignDto extends SendLimitsDto {
  @ApiProperty({ example: 'Cảnh báo lừa đảo trước Tết — Sơn La' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ description: 'An approved template version' })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  templateId: number;

  @ApiProperty({
    description: 'Provinces: current codes (2025 scheme), names, or former provinces by name or as "legacy:NN" (mapped to the unit they merged into)',
    example: ['14', 'Đắk Lắk'],
  })
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  provinces: string[];

  @ApiPropertyOptional({
    enum: CARRIERS,
    isArray: true,
    description: 'Default: every carrier with an account in the carriers file; one without an account is refused (400)',
  })
  @IsOptional()
  @IsIn(CARRIERS, { each: true })
  carriers?: Carrier[];

  @ApiProperty({
    description:
      'When sending may start (ISO 8601; without an offset it is read as Vietnam time, +07:00). Not in the past: 400 (START_IN_PAST) unless within the last 5 minutes, which counts as now',
    example: '2027-01-20T08:00:00+07:00',
  })
  @IsApiInstant()
  startAt: string;

  @ApiPropertyOptional({ description: 'Hours the SMSC keeps trying a message', minimum: 1, maximum: 72, default: 24 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(72)
  validityHours?: number;

  @ApiPropertyOptional({
    enum: AMBIGUOUS_POLICIES,
    default: 'resend',
    description:
      'A submit the carrier never answered: send it again after 30 s (a duplicate is possible), or wait for its receipt, matched by number and time (unknown if none comes within the validity)',
  })
  @IsOptional()
  @IsIn(AMBIGUOUS_POLICIES)
  onAmbiguous?: AmbiguousPolicy;

  @ApiPropertyOptional({ description: 'When results are due to the officials', example: '2026-02-24T17:00:00+07:00' })
  @IsOptional()
  @IsApiInstant()
  reportDeadline?: string;

  @ApiPropertyOptional({ description: "The programme (plan of several sends, one result report) it belongs to; its provinces must include the campaign's" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  programmeId?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 9, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9)
  priority?: number;
}

export class RejectCampaignDto {
  @ApiProperty({ example: 'Thiếu số đường dây nóng của Công an tỉnh', description: 'Why, for the drafter: at least 15 characters, in words', minLength: 15 })
  @IsReason(1000)
  reason: string;
}

export class ApproveCampaignDto {
  @ApiPropertyOptional({
    enum: CARRIERS,
    isArray: true,
    description:
      'Carriers to leave out (recorded in the audit log): a carrier that demands registered templates and where the text is not registered (or a value overflows its slot) is refused (409) unless left out',
  })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsIn(CARRIERS, { each: true })
  excludeCarriers?: Carrier[];

  @ApiPropertyOptional({ description: 'Approve although the plan says the campaign misses its report deadline (recorded in the audit log)' })
  @IsOptional()
  @IsBoolean()
  acknowledgeDeadlineMiss?: boolean;

  @ApiPropertyOptional({
    description: 'Why, when acknowledging a deadline miss: at least 15 characters, in words, not one character repeated',
    example: 'Cảnh báo khẩn: gửi phần còn lại sau hạn báo cáo',
    minLength: 15,
  })
  @IsOptional()
  @IsReason()
  reason?: string;
}
