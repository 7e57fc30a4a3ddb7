import { type INestApplication } from '@nestjs/common';

/**
 * /docs as a page with nothing inline, instead of @nestjs/swagger's (two inline stylesheets and a style
 * attribute): Swagger UI's own files and the init script Nest generates, all served from /docs, so the page
 * runs under the pages' Content-Security-Policy ('self' only) without 'unsafe-inline'.
 */
const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Loa — admin API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
<link rel="stylesheet" href="/docs/loa-docs.css">
<link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/swagger-ui-standalone-preset.js"></script>
<script src="/docs/swagger-ui-init.js"></script>
</body>
</html>
`;

// What @nestjs/swagger's page had inline.
const DOCS_CSS = `html { box-sizing: border-box; overflow-y: scroll; }
*, *:before, *:after { box-sizing: inherit; }
body { margin: 0; background: #fafafa; }
.swagger-ui .topbar .download-url-wrapper { display: none; }
`;

const PAGES = new Map([
  ['/docs', DOCS_PAGE],
  ['/docs/', DOCS_PAGE],
  ['/docs/index.html', DOCS_PAGE],
]);

/** Serves the page ahead of SwaggerModule.setup's routes (call it first); everything else under /docs is Swagger's. */
export function serveDocsPage(app: INestApplication): void {
  app.use((request: { method: string; path: string }, response: { type(type: string): { send(body: string): unknown } }, next: () => void): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const page = PAGES.get(request.path);
    if (page !== undefined) response.type('text/html; charset=utf-8').send(page);
    else if (request.path === '/docs/loa-docs.css') response.type('text/css; charset=utf-8').send(DOCS_CSS);
    else next();
  });
}
