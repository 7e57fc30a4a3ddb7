import { type INestApplication } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { requestContextMiddleware } from '@loa/auth';
import { answerClientErrorsInShape } from './common/client-errors';
import { contentSecurityPolicy } from './common/content-security-policy';
import { refuseDeepJson } from './common/json-depth';
import { vietnamTimesInJson } from './common/vietnam-json';
import { serveDocsPage } from './docs/docs-page';
import { MetricsService } from './metrics/metrics.service';
import { requestMetrics } from './metrics/request-metrics.middleware';
import { ApiModule } from './api.module';
import { withErrorResponses } from './openapi-errors';

/**
 * What every API process does to a created Nest application: security headers, a request context (request
 * id, source address) for the audit log, request metrics, times in +07:00 in JSON, OpenAPI at /docs, clean shutdown.
 */
export function configureApi(app: INestApplication): OpenAPIObject {
  app.enableShutdownHooks();
  answerClientErrorsInShape(app.getHttpServer());
  // helmet: nosniff, frame and referrer policies, no X-Powered-By. The Content-Security-Policy is Loa's own: one for
  // the pages that run script (console, /docs), one for the printable reports (content-security-policy.ts).
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(contentSecurityPolicy());
  app.use(noStore);
  app.use(requestContextMiddleware);
  app.use(requestMetrics(app.get(MetricsService)));
  // Replaces Nest's default JSON parser (same 100 kB limit), adding the depth check before parsing.
  // (Nest's type leaves `verify` out because it uses it for rawBody, which Loa does not turn on.)
  (app as NestExpressApplication).useBodyParser('json', { limit: '100kb', verify: refuseDeepJson } as { limit: string });
  // Every JSON answer (Nest replies through res.json, errors included) writes times in +07:00.
  (app as NestExpressApplication).set('json replacer', vietnamTimesInJson);
  const document = openApiDocument(app);
  serveDocsPage(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return document;
}

/** Answers carry personal data (numbers, names): no cache keeps them. A route may set its own Cache-Control after this. */
function noStore(_request: unknown, response: { setHeader(name: string, value: string): unknown }, next: () => void): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}

/** The OpenAPI document of the routes, with the error answers every route can give; needs no database (`loa openapi`). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return withErrorResponses(SwaggerModule.createDocument(app, openApiConfig()));
}

function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Loa — admin API')
    .setDescription(
      'Vietnamese-safe SMS warning campaigns: templates, campaigns, delivery reports. Every error answers ' +
        '`{statusCode, error, message, details?}` (schema Error); `message` says what to fix. Every time an answer gives is ' +
        "ISO 8601 in Viet Nam's offset, `2026-01-01T00:00:00.000+07:00`; a time sent carries an offset (`Z` too), or none: " +
        'then it is read as Viet Nam time (+07:00).',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
}

/** The document of `loa openapi` and apps/api/openapi.json: the application is only scanned (preview), never connected. */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const module = ApiModule.forRoot({ databaseUrl: 'postgres://unused/openapi', jwtSecret: 'openapi-only-openapi-only-openapi-only' });
  const app = await NestFactory.create(module, { preview: true, logger: ['error'] });
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}
