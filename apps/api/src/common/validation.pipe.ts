import { type ArgumentMetadata, type ValidationError, ValidationPipe } from '@nestjs/common';
import { invalid } from '@loa/common';
import { MAX_JSON_DEPTH } from './json-depth';

// A NUL, or half of a surrogate pair (a cut emoji): PostgreSQL refuses the first (a 500 before), and the
// second would be stored as U+FFFD, silently changing the text.
const BROKEN_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Invisible format characters (zero-width space and joiners, BOM, soft hyphen, bidi controls: Unicode Cf).
// They hide a link or a number from a reader and from the lint, and would go out in the SMS.
const INVISIBLE = /\p{Cf}/u;
// Other control characters (C0 but tab, line feed and carriage return; DEL; C1): no text Loa keeps has them,
// and a path like /provinces/14%00 reached PostgreSQL (a 500). Route parameters and queries allow none.
const CONTROL_IN_BODY = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_ANYWHERE = /[\u0001-\u001F\u007F-\u009F]/;
// Names every JavaScript object answers to: as field names they slipped past the unknown-field check.
const OBJECT_MEMBERS = new Set(['__proto__', 'constructor', 'prototype']);
// Where @nestjs/swagger keeps @ApiProperty() options (its DECORATORS, not exported from the package's root).
const API_PROPERTIES = 'swagger/apiModelPropertiesArray';
const API_PROPERTY = 'swagger/apiModelProperties';

/**
 * Rejects over-deep, broken, invisible or control-character text, `null` where the field does not say
 * `nullable`, unknown and malformed fields with one 400 naming each problem by field path. Route parameters are
 * checked as text and left as the text they came as: the validation pipe's own conversion read "0x10" as 16
 * and " 1" as 1, so ids are checked by ParseIdPipe on the text.
 */
class LoaValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param') {
      if (typeof value === 'string') assertWellFormedText(value, metadata.data ?? 'path', CONTROL_ANYWHERE);
      return Promise.resolve(value);
    }
    if (metadata.type === 'body') {
      assertWellFormed(value, 'body', CONTROL_IN_BODY);
      assertNoUnexpectedNull(value, metadata.metatype);
      assertListsAreLists(value, metadata.metatype);
    } else if (metadata.type === 'query') assertWellFormed(value, 'query', CONTROL_ANYWHERE);
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

/** Walks the value without recursion (so no depth can overflow the stack), refusing the first problem found. */
function assertWellFormed(root: unknown, rootName: string, control: RegExp): void {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (depth > MAX_JSON_DEPTH) throw invalid(`${rootName}: nested deeper than ${MAX_JSON_DEPTH} levels`, { field: path });
    if (typeof value === 'string') assertWellFormedText(value, path || rootName, control);
    else if (Array.isArray(value)) value.forEach((item, index) => pending.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        assertWellFormedText(key, path || rootName, CONTROL_ANYWHERE);
        if (OBJECT_MEMBERS.has(key)) throw invalid(`${path || rootName}: a field may not be called ${key}`, { field: path ? `${path}.${key}` : key });
        pending.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
  }
}

function assertWellFormedText(value: string, path: string, control: RegExp): void {
  const broken = BROKEN_TEXT.exec(value);
  if (broken) {
    const character = codePoint(broken[0]);
    const what = broken[0] === '\u0000' ? `a NUL character (${character})` : `half of a surrogate pair (${character}: broken text, such as a cut emoji)`;
    throw invalid(`${path}: contains ${what} at character ${broken.index + 1}; send valid UTF-8 text`, { field: path, character });
  }
  const invisible = INVISIBLE.exec(value);
  if (invisible) {
    const character = codePoint(invisible[0]);
    throw invalid(`${path}: contains an invisible character (${character}) at character ${invisible.index + 1}; remove it`, { field: path, character });
  }
  const controlCharacter = control.exec(value);
  if (controlCharacter) {
    const character = codePoint(controlCharacter[0]);
    throw invalid(`${path}: contains a control character (${character}) at character ${controlCharacter.index + 1}; remove it`, { field: path, character });
  }
}

/**
 * A JSON `null` is accepted only where the field's OpenAPI says `nullable` (it clears a value there). class-validator's
 * @IsOptional() lets null through as if the field were absent, so `"maxSegments": null` reached a NOT NULL column
 * (a 500) instead of taking the default.
 */
function assertNoUnexpectedNull(body: unknown, metatype: ArgumentMetadata['metatype']): void {
  if (typeof metatype !== 'function' || body === null || typeof body !== 'object' || Array.isArray(body)) return;
  if (!Reflect.getMetadata(API_PROPERTIES, metatype.prototype)) return; // not a documented body
  for (const [field, value] of Object.entries(body)) {
    if (value !== null) continue;
    const property = Reflect.getMetadata(API_PROPERTY, metatype.prototype, field) as { nullable?: boolean } | undefined;
    if (!property?.nullable) throw invalid(`${field}: must not be null (leave the field out to keep its default)`, { field });
  }
}

/**
 * A field the OpenAPI documents as a list must be a JSON array. class-validator's `{ each: true }` checks a lone string
 * as if it were the one item, so `"provinces": "14"` passed a preview's checks and reached `.filter()` in the scope
 * check (a 500); a DTO that forgot @IsArray() is caught here, from the same metadata the document is built from.
 */
function assertListsAreLists(body: unknown, metatype: ArgumentMetadata['metatype']): void {
  if (typeof metatype !== 'function' || body === null || typeof body !== 'object' || Array.isArray(body)) return;
  for (const [field, value] of Object.entries(body)) {
    if (value === null || value === undefined || Array.isArray(value)) continue;
    const property = Reflect.getMetadata(API_PROPERTY, metatype.prototype, field) as { type?: unknown; isArray?: boolean } | undefined;
    if (property?.isArray || property?.type === Array || property?.type === 'array')
      throw invalid(`${field}: must be a list (a JSON array), e.g. ["14"]`, { field });
  }
}

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function flatten(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
