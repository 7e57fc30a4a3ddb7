import { applyDecorators } from '@nestjs/common';
import { IsDateString, Matches, ValidateBy } from 'class-validator';
import { parseVietnamInstant } from '@loa/common';

export const EARLIEST_YEAR = 2020;
export const LATEST_YEAR = 2099;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
/** The instant an API time names: its own offset, or Asia/Ho_Chi_Minh wall clock when it has none (@loa/common's one rule). */
export function toInstant(text: string): Date {
  return parseVietnamInstant(text);
}

/**
 * An ISO 8601 date and time (a real calendar date), with an offset or read as Vietnam time, between
 * EARLIEST_YEAR and LATEST_YEAR (year 9999 was accepted before).
 */
export function IsApiInstant(): PropertyDecorator {
  return applyDecorators(
    IsDateString({ strict: true }),
    Matches(INSTANT, { message: '$property: expected a date and time such as 2026-01-20T08:00:00+07:00 (without an offset it is read as Vietnam time)' }),
    ValidateBy({
      name: 'instantInRange',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !INSTANT.test(value)) return true; // reported by the checks above
          const year = toInstant(value).getUTCFullYear();
          return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
        },
        defaultMessage: () => `$property: must lie between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
      },
    }),
  ) as PropertyDecorator;
}
