import { createHash } from 'node:crypto';
import { reportStyleSources } from '@loa/reporting';

/**
 * The pages that run script (the console at /, the API docs at /docs): their own files only. No inline script
 * or style, no eval, no plugins, not framed, forms and requests to this origin only.
 */
export const APP_PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Swagger UI (5.x) draws its logo as an SVG with this stylesheet inside: the one inline style /docs needs,
 * allowed by its hash. A new Swagger UI that changes it shows as a policy violation in
 * console-content-security.e2e-spec.ts.
 */
const SWAGGER_LOGO_STYLE = '.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}';

/** The API docs at /docs: the page policy, with Swagger UI's logo style. */
export const DOCS_POLICY = APP_PAGE_POLICY.replace(
  "style-src 'self'",
  `style-src 'self' 'sha256-${createHash('sha256').update(SWAGGER_LOGO_STYLE).digest('base64')}'`,
);

/** The printable reports (HTML): no script at all, their own inline stylesheet by hash, nothing loaded from anywhere. */
export function reportPolicy(): string {
  return [
    "default-src 'none'",
    `style-src ${reportStyleSources().join(' ')}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// GET /campaigns/:id/report and GET /programmes/:id/report (the HTML format among others).
const REPORT_PATH = /^\/(campaigns|programmes)\/[^/]+\/report\/?$/;
const DOCS_PATH = /^\/docs(\/|$)/;

/**
 * Sets a Content-Security-Policy on every answer, before any route runs: the report policy on report routes,
 * the docs policy under /docs, the page policy everywhere else (JSON answers ignore it; any HTML page, the console's included, gets it).
 */
export function contentSecurityPolicy(): (request: { path: string }, response: { setHeader(name: string, value: string): unknown }, next: () => void) => void {
  const reports = reportPolicy();
  return (request, response, next) => {
    const policy = REPORT_PATH.test(request.path) ? reports : DOCS_PATH.test(request.path) ? DOCS_POLICY : APP_PAGE_POLICY;
    response.setHeader('Content-Security-Policy', policy);
    next();
  };
}
