import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { invalid } from '@loa/common';

/** Rejects unknown and malformed fields with one 400 listing every problem by field path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return invalid(problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '), { fields: problems });
    },
  });
}

function flatten(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
