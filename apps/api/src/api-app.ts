import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { MetricsService } from './metrics/metrics.service';
import { requestMetrics } from './metrics/request-metrics.middleware';
import { ApiModule } from './api.module';
import { withErrorResponses } from './openapi-errors';

/** What every API process does to a created Nest application: request metrics, OpenAPI at /docs, clean shutdown. */
export function configureApi(app: INestApplication): OpenAPIObject {
  app.enableShutdownHooks();
  app.use(requestMetrics(app.get(MetricsService)));
  const document = openApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return document;
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
        '`{statusCode, error, message, details?}` (schema Error); `message` says what to fix.',
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
