import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from '@loa/api';

// The committed document, for clients and reviewers; `LOA_UPDATE_OPENAPI=1 npx jest apps/api/test/openapi.e2e-spec.ts` rewrites it.
const COMMITTED = join(process.cwd(), 'apps', 'api', 'openapi.json');

describe('the OpenAPI document', () => {
  it('is built without a database and equals the committed apps/api/openapi.json', async () => {
    const document = await buildOpenApiDocument();
    if (process.env.LOA_UPDATE_OPENAPI === '1') writeFileSync(COMMITTED, JSON.stringify(document, null, 2) + '\n');

    expect(document).toEqual(JSON.parse(readFileSync(COMMITTED, 'utf8')));
  });

  it('gives every guarded route its error answers in the one error shape, with examples', async () => {
    const document = await buildOpenApiDocument();

    const pause = document.paths['/campaigns/{id}/pause'].post!;
    for (const status of ['401', '403', '404', '409', '503']) {
      expect(pause.responses[status]).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
    }
    expect(document.components?.schemas?.Error).toMatchObject({ required: ['statusCode', 'error', 'message'] });
    expect(JSON.stringify(document.components?.schemas?.CreateTemplateDto)).toContain('Cảnh báo lừa đảo trực tuyến');
  });
});
