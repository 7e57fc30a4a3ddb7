import { buildOpenApiDocument } from '@loa/api';

/**
 * `loa openapi`: prints the OpenAPI document; the application is only scanned (preview), so no database is
 * needed. A file of its own so that only this command loads the whole API (`loa user add` starts in a third
 * of the time).
 */
export async function runOpenApi(): Promise<void> {
  process.stdout.write(JSON.stringify(await buildOpenApiDocument(), null, 2) + '\n');
}
