import { type OpenAPIObject } from '@nestjs/swagger';

type Operation = { parameters?: { in: string }[]; requestBody?: unknown; security?: unknown[]; responses: Record<string, unknown> };

/** The one error shape of the API (DomainErrorFilter), with an example each status really answers. */
const ERROR_EXAMPLES: Record<string, { description: string; example: Record<string, unknown> }> = {
  '400': {
    description: 'Bad input: the message names the field and what to fix; nothing was changed',
    example: {
      statusCode: 400,
      error: 'INVALID',
      message: 'provinces: unknown province "Hà Tây" (use a current code, a name, or a legacy code as "legacy:NN")',
    },
  },
  '401': {
    description: 'No bearer token, or an expired one',
    example: { statusCode: 401, error: 'UNAUTHENTICATED', message: 'missing bearer token (POST /auth/login)' },
  },
  '403': {
    description: 'The role does not allow it, or a province lies outside your scope',
    example: { statusCode: 403, error: 'FORBIDDEN', message: 'provinces outside your scope: 92', details: { provinces: ['92'] } },
  },
  '404': {
    description: 'No such object in your provinces',
    example: { statusCode: 404, error: 'NOT_FOUND', message: 'campaign 42 not found' },
  },
  '409': {
    description: 'The object is not in a state that allows it',
    example: { statusCode: 409, error: 'CONFLICT', message: 'campaign 42 is completed; only a running campaign can be paused' },
  },
  '503': {
    description: 'The database is unavailable (a restart or failover); retry after the Retry-After seconds',
    example: { statusCode: 503, error: 'UNAVAILABLE', message: 'the database is unavailable (restarting?); try again in a few seconds' },
  },
};

const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', enum: ['INVALID', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS', 'UNAVAILABLE', 'INTERNAL'] },
    message: { type: 'string', description: 'What went wrong and what to fix; safe to show to the user' },
    details: { description: 'Structured findings when there are some (fields, lines, provinces…)' },
  },
};

/** Adds to every operation the error answers it can give (guarded routes 401/403, input 400, ids 404, actions 409, all 503). */
export function withErrorResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Error: ERROR_SCHEMA } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      for (const status of errorStatuses(path, method, operation)) {
        const { description, example } = ERROR_EXAMPLES[status];
        operation.responses[status] ??= { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, example } } };
      }
    }
  }
  return document;
}

function errorStatuses(path: string, method: string, operation: Operation): string[] {
  if (path.startsWith('/health')) return [];
  const statuses: string[] = [];
  const takesInput = operation.requestBody !== undefined || (operation.parameters ?? []).length > 0;
  if (takesInput || path === '/auth/login') statuses.push('400');
  if (operation.security?.length || path === '/auth/login') statuses.push('401');
  if (operation.security?.length) statuses.push('403');
  if (path.includes('{')) statuses.push('404');
  if (method === 'post' || method === 'patch' || method === 'delete') statuses.push('409');
  statuses.push('503');
  return statuses;
}
