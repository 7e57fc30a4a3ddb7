import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The furthest a list pages: PostgreSQL reads and drops every skipped row, and 1e20 overflowed bigint (a 500). */
export const MAX_OFFSET = 1_000_000;

/** A query number in decimal digits ("0x10", "1e20" and " 1" become NaN, refused by @IsInt). */
export const decimalNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? (/^-?[0-9]{1,16}$/.test(value) ? Number(value) : NaN) : value;

export class PageQuery {
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Transform(decimalNumber)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ default: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Transform(decimalNumber)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset: number = 0;
}
