import { currentRequestContext, requestContextMiddleware, requestIdsOf } from './request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function exchange(clientId?: string) {
  const headers: Record<string, string> = {};
  const request = { headers: clientId === undefined ? {} : { 'x-request-id': clientId }, ip: '10.0.0.7' };
  const response = { setHeader: (name: string, value: string) => (headers[name] = value) };
  return { request, response, headers };
}

describe('request ids', () => {
  it("are the server's own, with a plain client id kept beside it, and answered as X-Request-Id", () => {
    const { request, response, headers } = exchange('proxy-42');
    const ids = requestIdsOf(request, response);
    expect(ids.requestId).toMatch(UUID);
    expect(ids.clientRequestId).toBe('proxy-42');
    expect(headers['X-Request-Id']).toBe(ids.requestId);
  });

  it('give two requests with the same client id two server ids', () => {
    const first = requestIdsOf(exchange('same').request, exchange().response);
    const second = requestIdsOf(exchange('same').request, exchange().response);
    expect(first.requestId).not.toBe(second.requestId);
  });

  it('keep no client id that does not look like one', () => {
    for (const given of ['a b', 'x'.repeat(101), '<script>', '']) expect(requestIdsOf(exchange(given).request, exchange().response).clientRequestId).toBeNull();
  });

  it('are the same for the logger and the audit, whichever asks first', () => {
    const { request, response } = exchange('c-1');
    const forLogger = requestIdsOf(request, response);
    let seen: ReturnType<typeof currentRequestContext>;
    requestContextMiddleware(request, response, () => (seen = currentRequestContext()));
    expect(seen).toEqual({ ...forLogger, remoteAddr: '10.0.0.7' });
  });
});
