import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What the audit log records about the HTTP request an entry was written in. */
export interface RequestContext extends RequestIds {
  remoteAddr: string | null;
}

/** The ids of one HTTP request. */
export interface RequestIds {
  /** The server's own id (a UUID): unique, so it names one request in the audit log and the logs. */
  requestId: string;
  /** The caller's `X-Request-Id` when it sent a plain one: kept beside the server's, never instead of it. */
  clientRequestId: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** A caller's X-Request-Id is kept (so logs join up across proxies) only when it looks like an id. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Ids given per request object, so the request-context middleware and the HTTP logger agree whichever runs first. */
const assigned = new WeakMap<object, RequestIds>();

interface MinimalRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  socket?: { remoteAddress?: string };
}

interface MinimalResponse {
  setHeader(name: string, value: string): unknown;
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * The ids of `request`, made on the first call and the same on every later one; the answer carries the
 * server's id as `X-Request-Id`. The HTTP logger takes its request id from here (pino-http `genReqId`).
 */
export function requestIdsOf(request: MinimalRequest, response: MinimalResponse): RequestIds {
  let ids = assigned.get(request);
  if (!ids) {
    const given = request.headers['x-request-id'];
    ids = { requestId: randomUUID(), clientRequestId: typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : null };
    assigned.set(request, ids);
    response.setHeader('X-Request-Id', ids.requestId);
  }
  return ids;
}

/** Express middleware: every request runs inside its own context (its ids, the source address). */
export function requestContextMiddleware(request: MinimalRequest, response: MinimalResponse, next: () => void): void {
  const ids = requestIdsOf(request, response);
  storage.run({ ...ids, remoteAddr: request.ip ?? request.socket?.remoteAddress ?? null }, next);
}
