import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { apiTypesSource, type OpenApiDocument } from './api-types';

/** Where the generated types live, beside the console's client. */
export const API_TYPES_FILE = join('apps', 'console', 'src', 'api', 'schema.d.ts');
const OPENAPI_FILE = join('apps', 'api', 'openapi.json');

/** The types the console should have for the current apps/api/openapi.json, formatted as the repository is. */
export async function generatedApiTypes(root: string): Promise<string> {
  const document = JSON.parse(readFileSync(join(root, OPENAPI_FILE), 'utf8')) as OpenApiDocument;
  const target = join(root, API_TYPES_FILE);
  const options = (await resolveConfig(target)) ?? {};
  return format(apiTypesSource(document), { ...options, filepath: target });
}
