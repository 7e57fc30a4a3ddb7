import createClient, { type Middleware } from 'openapi-fetch';
import { bearerToken } from '../session';
import { type ApiErrorBody } from './models';
import { type paths } from './schema';

/** An API error answer ({statusCode, error, message, details}), or a network failure (statusCode 0). */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }
}

const authorize: Middleware = {
  onRequest({ request }) {
    const token = bearerToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

/** The typed client: paths, parameters and bodies are checked against apps/api/openapi.json. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(authorize);

/** Listeners told when the API says the session is no longer valid (401): the app logs out. */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The answer of a call, typed by the caller (the API's OpenAPI document names the requests, not yet the
 * answers), or an ApiError. A 401 on anything but the login logs the logged-in user out.
 */
export async function answer<T>(call: Promise<FetchResult>): Promise<T> {
  let result: FetchResult;
  try {
    result = await call;
  } catch (_error) {
    throw new ApiError({ statusCode: 0, error: 'NETWORK', message: 'the API did not answer' });
  }
  if (result.response.ok) return result.data as T;
  const body = asErrorBody(result.error, result.response.status);
  // Only while logged in: a poll that fired between a logout and the screens going away was sent without a token,
  // and its 401 must not replace the logout's own reason (the idle timeout's) with "session expired".
  if (result.response.status === 401 && bearerToken() !== null && !result.response.url.endsWith('/auth/login')) {
    for (const listener of unauthenticatedListeners) listener();
  }
  throw new ApiError(body);
}

function asErrorBody(error: unknown, status: number): ApiErrorBody {
  const candidate = error as Partial<ApiErrorBody> | undefined;
  if (candidate && typeof candidate.error === 'string' && typeof candidate.message === 'string') {
    return { statusCode: status, error: candidate.error, message: candidate.message, details: candidate.details };
  }
  return { statusCode: status, error: `HTTP_${status}`, message: typeof error === 'string' ? error : `HTTP ${status}` };
}

/** A file answer (CSV, XLSX, HTML export) as a blob, with the bearer token. */
export async function download(path: string): Promise<Blob> {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${bearerToken() ?? ''}` } }).catch(() => null);
  if (!response) throw new ApiError({ statusCode: 0, error: 'NETWORK', message: 'the API did not answer' });
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw new ApiError(asErrorBody(body, response.status));
  }
  return response.blob();
}
