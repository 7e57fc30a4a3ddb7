import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What the audit log records about the HTTP request an entry was written in. */
export interface RequestContext {
  requestId: string;
  remoteAddr: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** A caller's X-Request-Id is kept when it looks like an id (so logs join up across proxies); otherwise a new one. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

interface MinimalRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  socket?: { remoteAddress?: string };
}

interface MinimalResponse {
  setHeader(name: string, value: string): unknown;
}

/** Express middleware: every request runs inside its own context (request id, source address), echoed as X-Request-Id. */
export function requestContextMiddleware(request: MinimalRequest, response: MinimalResponse, next: () => void): void {
  const given = request.headers['x-request-id'];
  const requestId = typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', requestId);
  storage.run({ requestId, remoteAddr: request.ip ?? request.socket?.remoteAddress ?? null }, next);
}
