import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiTypesSource, schemaType } from './api-types';
import { API_TYPES_FILE, generatedApiTypes } from './generate-api-types';

describe("the console's generated API types", () => {
  // A changed apps/api/openapi.json fails here until the types follow it:
  // `LOA_UPDATE_API_TYPES=1 npx jest apps/console/tools/api-types.spec.ts` rewrites them.
  it('match apps/api/openapi.json', async () => {
    const generated = await generatedApiTypes(process.cwd());
    if (process.env.LOA_UPDATE_API_TYPES === '1') writeFileSync(join(process.cwd(), API_TYPES_FILE), generated);

    expect(readFileSync(join(process.cwd(), API_TYPES_FILE), 'utf8')).toBe(generated);
  });

  it('type schemas as openapi-typescript does', () => {
    expect(schemaType({ type: 'array', nullable: true, items: { type: 'string' } })).toBe('(string)[] | null');
    expect(schemaType({ type: 'string', enum: ['a', 'b'] })).toBe('"a" | "b"');
    expect(schemaType({ $ref: '#/components/schemas/Error' })).toBe('components["schemas"]["Error"]');
    expect(schemaType({ type: 'object', properties: { id: { type: 'integer' }, note: { type: 'string' } }, required: ['id'] })).toBe(
      '{ "id": number;\n"note"?: string; }',
    );
  });

  it('gives a required path parameter and an optional query', () => {
    const source = apiTypesSource({
      paths: {
        '/things/{id}': {
          get: {
            operationId: 'things',
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'number' } },
              { name: 'q', in: 'query', schema: { type: 'string' } },
            ],
            responses: { '200': {} },
          },
        },
      },
    });
    expect(source).toContain('query?: { "q"?: string; };');
    expect(source).toContain('path: { "id": number; };');
    expect(source).toContain('get: operations["things"];');
  });
});
