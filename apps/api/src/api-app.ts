import { type INestApplication } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { requestContextMiddleware } from '@loa/auth';
import { refuseDeepJson } from './common/json-depth';

/**
 * What every API process does to a created Nest application: security headers, a request context (request
 * id, source address) for the audit log, OpenAPI at /docs, clean shutdown.
 */
export function configureApi(app: INestApplication): OpenAPIObject {
  app.enableShutdownHooks();
  // helmet: nosniff, frame and referrer policies, no X-Powered-By. Its CSP is left off: /docs (Swagger UI)
  // relies on inline scripts, and the JSON answers are not rendered by browsers.
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(noStore);
  app.use(requestContextMiddleware);
  // Replaces Nest's default JSON parser (same 100 kB limit), adding the depth check before parsing.
  // (Nest's type leaves `verify` out because it uses it for rawBody, which Loa does not turn on.)
  (app as NestExpressApplication).useBodyParser('json', { limit: '100kb', verify: refuseDeepJson } as { limit: string });
  const document = SwaggerModule.createDocument(app, openApiConfig());
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return document;
}

/** Answers carry personal data (numbers, names): no cache keeps them. A route may set its own Cache-Control after this. */
function noStore(_request: unknown, response: { setHeader(name: string, value: string): unknown }, next: () => void): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}

function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Loa — admin API')
    .setDescription('Vietnamese-safe SMS warning campaigns: templates, campaigns, delivery reports.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
}
