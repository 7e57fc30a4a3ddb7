/**
 * The console's API types from apps/api/openapi.json, in the shape openapi-typescript gives (`paths`,
 * `operations`, `components`), which is what openapi-fetch reads. A generator of our own because
 * openapi-typescript 7 asks for TypeScript 5 as a peer and the project is on 6; the document only uses
 * plain JSON Schema (refs, objects, arrays, enums, nullable), so this stays small.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const PARAMETER_PLACES = ['query', 'header', 'path', 'cookie'] as const;
const SCHEMA_PREFIX = '#/components/schemas/';

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  description?: string;
}

interface Parameter {
  name: string;
  in: (typeof PARAMETER_PLACES)[number];
  required?: boolean;
  schema?: Schema;
}

interface Content {
  [mediaType: string]: { schema?: Schema };
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Content };
  responses: Record<string, { content?: Content }>;
}

export interface OpenApiDocument {
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  components?: { schemas?: Record<string, Schema> };
}

/** The TypeScript source of the types (unformatted: the caller runs prettier over it). */
export function apiTypesSource(document: OpenApiDocument): string {
  const operations: string[] = [];
  const paths = Object.entries(document.paths).map(([path, item]) => {
    const methods = METHODS.map((method) => {
      const operation = item[method];
      if (!operation) return `${method}?: never;`;
      const id = operation.operationId ?? `${method} ${path}`;
      operations.push(`${quote(id)}: ${operationType(operation)};`);
      return `${method}: operations[${quote(id)}];`;
    });
    return `${quote(path)}: { parameters: { query?: never; header?: never; path?: never; cookie?: never }; ${methods.join(' ')} };`;
  });
  const schemas = Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => `${quote(name)}: ${schemaType(schema)};`);
  return [
    '// Generated from apps/api/openapi.json by apps/console/tools/api-types.ts: do not edit. Regenerate with',
    '// LOA_UPDATE_API_TYPES=1 npx jest apps/console/tools/api-types.spec.ts (the spec fails while this file is stale).',
    `export interface paths { ${paths.join('\n')} }`,
    `export interface components { schemas: { ${schemas.join('\n')} }; responses: never; parameters: never; requestBodies: never; headers: never; pathItems: never }`,
    `export interface operations { ${operations.join('\n')} }`,
    '',
  ].join('\n');
}

function operationType(operation: Operation): string {
  const parameters = PARAMETER_PLACES.map((place) => {
    const mine = (operation.parameters ?? []).filter((parameter) => parameter.in === place);
    if (mine.length === 0) return `${place}?: never;`;
    const fields = mine.map((parameter) => `${quote(parameter.name)}${parameter.required ? '' : '?'}: ${schemaType(parameter.schema ?? {})};`);
    const optional = mine.every((parameter) => !parameter.required);
    return `${place}${optional ? '?' : ''}: { ${fields.join(' ')} };`;
  });
  const body = operation.requestBody
    ? `requestBody${operation.requestBody.required ? '' : '?'}: { content: ${contentType(operation.requestBody.content)} };`
    : 'requestBody?: never;';
  const responses = Object.entries(operation.responses).map(([status, response]) => {
    const content = response.content ? `content: ${contentType(response.content)};` : 'content?: never;';
    return `${/^\d+$/.test(status) ? status : quote(status)}: { headers: { [name: string]: unknown }; ${content} };`;
  });
  return `{ parameters: { ${parameters.join(' ')} }; ${body} responses: { ${responses.join(' ')} } }`;
}

function contentType(content: Content): string {
  const media = Object.entries(content).map(([type, entry]) => `${quote(type)}: ${entry.schema ? schemaType(entry.schema) : 'unknown'};`);
  return `{ ${media.join(' ')} }`;
}

export function schemaType(schema: Schema): string {
  const type = nonNullType(schema);
  return schema.nullable ? `${type} | null` : type;
}

function nonNullType(schema: Schema): string {
  if (schema.$ref) {
    if (!schema.$ref.startsWith(SCHEMA_PREFIX)) throw new Error(`unsupported $ref ${schema.$ref}`);
    return `components["schemas"][${quote(schema.$ref.slice(SCHEMA_PREFIX.length))}]`;
  }
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.oneOf ?? schema.anyOf) return (schema.oneOf ?? schema.anyOf ?? []).map((part) => `(${schemaType(part)})`).join(' | ');
  if (schema.allOf) return schema.allOf.map((part) => `(${schemaType(part)})`).join(' & ');
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return `(${schemaType(schema.items ?? {})})[]`;
    case 'object':
      return objectType(schema);
    default:
      return schema.properties ? objectType(schema) : 'unknown';
  }
}

function objectType(schema: Schema): string {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(
    ([name, property]) => `${comment(property.description)}${quote(name)}${required.has(name) ? '' : '?'}: ${schemaType(property)};`,
  );
  const extra = schema.additionalProperties;
  if (extra) fields.push(`[key: string]: ${extra === true ? 'unknown' : schemaType(extra)};`);
  if (fields.length === 0) return 'Record<string, unknown>';
  return `{ ${fields.join('\n')} }`;
}

function comment(text: string | undefined): string {
  return text ? `/** ${text.replaceAll('*/', '*\\/')} */\n` : '';
}

function quote(name: string): string {
  return JSON.stringify(name);
}
