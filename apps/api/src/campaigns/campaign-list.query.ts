import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CAMPAIGN_STATES } from '@loa/delivery';
import { PageQuery } from '../common/page.query';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** GET /campaigns: a page, narrowed by state, province, start date (Viet Nam's days) and part of the name. */
export class CampaignListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATES })
  @IsOptional()
  @IsIn(CAMPAIGN_STATES)
  state?: string;

  @ApiPropertyOptional({ example: '14', description: 'A province code the campaign targets' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{2}$/, { message: 'province: a current province code, two digits (e.g. 14)' })
  province?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Starting on or after this day (yyyy-mm-dd, Viet Nam)' })
  @IsOptional()
  @Matches(DAY, { message: 'from: a day as yyyy-mm-dd' })
  @IsDateString({ strict: true }, { message: 'from: a day of the calendar, yyyy-mm-dd' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Starting on or before this day (yyyy-mm-dd, Viet Nam)' })
  @IsOptional()
  @Matches(DAY, { message: 'to: a day as yyyy-mm-dd' })
  @IsDateString({ strict: true }, { message: 'to: a day of the calendar, yyyy-mm-dd' })
  to?: string;

  @ApiPropertyOptional({ example: 'lừa đảo', description: 'Part of the name, any case' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}
