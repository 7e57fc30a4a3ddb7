import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { type Carrier, CARRIERS } from '@loa/common';
import { MAX_TEST_NUMBERS_PER_CAMPAIGN } from '@loa/campaigns';
import { MAX_ID } from '../common/parse-id.pipe';

export class RegisterTestNumberDto {
  @ApiProperty({ description: 'The phone number (0912345678, 84912345678, +84 912 345 678…)', example: '0912345678' })
  @IsString()
  @Length(1, 30)
  msisdn: string;

  @ApiProperty({ description: 'The user whose test number it is' })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  userId: number;

  @ApiPropertyOptional({ enum: CARRIERS, description: 'Default: from the number prefix (give it for a ported number)' })
  @IsOptional()
  @IsIn(CARRIERS)
  carrier?: Carrier;
}

export class RequestTestSendsDto {
  @ApiProperty({ description: `Registered test numbers; at most ${MAX_TEST_NUMBERS_PER_CAMPAIGN} per campaign in all`, example: ['0912345678'] })
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_TEST_NUMBERS_PER_CAMPAIGN)
  @IsString({ each: true })
  @Length(1, 30, { each: true })
  msisdns: string[];

  @ApiPropertyOptional({ description: "Province codes of the campaign whose text to send (default: all the campaign's)", example: ['14'] })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 10, { each: true })
  provinces?: string[];
}
