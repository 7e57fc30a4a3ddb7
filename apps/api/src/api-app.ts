import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** What every API process does to a created Nest application: OpenAPI at /docs, clean shutdown. */
export function configureApi(app: INestApplication): OpenAPIObject {
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(app, openApiConfig());
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return document;
}

function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Loa — admin API')
    .setDescription('Vietnamese-safe SMS warning campaigns: templates, campaigns, delivery reports.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
}
