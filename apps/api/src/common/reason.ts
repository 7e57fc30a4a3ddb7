import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, ValidateBy } from 'class-validator';
import { reasonProblem } from '@loa/common';

/** A reason for an override or a decision, kept in the audit log: the rule of `reasonProblem` (15 characters, in words, no repeat). */
export function IsReason(maxLength = 500): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MaxLength(maxLength),
    ValidateBy({
      name: 'reason',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || reasonProblem(value) === null,
        defaultMessage: (args) => `${reasonProblem(String(args?.value))?.rule}: ${reasonProblem(String(args?.value))?.message}`,
      },
    }),
  ) as PropertyDecorator;
}
