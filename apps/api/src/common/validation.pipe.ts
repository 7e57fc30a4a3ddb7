import { type ArgumentMetadata, type ValidationError, ValidationPipe } from '@nestjs/common';
import { invalid } from '@loa/common';

// A NUL, or half of a surrogate pair (a cut emoji): PostgreSQL refuses the first (a 500 before), and the
// second would be stored as U+FFFD, silently changing the text.
const BROKEN_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Rejects broken text, unknown and malformed fields with one 400 naming each problem by field path. */
class LoaValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') assertWellFormedText(value, metadata.data ?? '');
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new LoaValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return invalid(problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '), { fields: problems });
    },
  });
}

function assertWellFormedText(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const found = BROKEN_TEXT.exec(value);
    if (!found) return;
    const character = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const what = found[0] === '\u0000' ? `a NUL character (${character})` : `half of a surrogate pair (${character}: broken text, such as a cut emoji)`;
    throw invalid(`${path || 'body'}: contains ${what} at character ${found.index + 1}; send valid UTF-8 text`, { field: path, character });
  }
  if (Array.isArray(value)) return value.forEach((item, index) => assertWellFormedText(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) assertWellFormedText(item, path ? `${path}.${key}` : key);
  }
}

function flatten(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
