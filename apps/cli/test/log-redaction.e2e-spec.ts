import { request as httpRequest } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Logger as NestLogger } from '@nestjs/common';
import { ImportSlots } from '@loa/api';
import { pollUntil } from '@loa/testing';
import { createTestApi, type TestApi } from '../../api/test/test-app';
import { LoaLogger, loggingModule, maskSubscriberNumbers } from '../src/logging';

/** One subscriber, written every way a person or a client may write it. */
const DRESSES = ['0912.000.022', '0912-000-022', '0912 000 022', '(+84) 912 000 022', '+84(0)912000022', '84912000022', '０９１２０００\u200b０２２'];

/** Masked: the prefix as written, six or seven masked digits with the separators, the last three digits. */
const MASKED = /(?:\(\+84\) |\+84\(0\)|84|0)[*.\- ]{6,}022/;
/** As a phone shows it: full-width digits folded, the zero-width space dropped. */
const shown = (text: string) => text.normalize('NFKC').replaceAll('\u200b', '');

describe('logs: subscriber numbers in any dress, aborted requests', () => {
  let api: TestApi;
  let admin: string;
  const lines: string[] = [];
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown> & { msg?: string; req?: { url: string } });

  beforeAll(async () => {
    api = await createTestApi({
      imports: [loggingModule({ format: 'json', level: 'debug', destination: { write: (line: string) => void lines.push(line) } })],
    });
    api.app.useLogger(api.app.get(LoaLogger));
    admin = await api.login('demo-admin');
  });
  afterAll(() => api?.close());

  it.each(DRESSES)('masks %s in a URL, its query and a logged message, keeping the last three digits', async (dress) => {
    lines.length = 0;
    const path = `/subscribers/exclusions/${encodeURIComponent(dress)}?q=${encodeURIComponent(dress).replaceAll('%20', '+')}`;
    await api.http().get(path).auth(admin, { type: 'bearer' });
    await pollUntil(
      async () => entries(),
      (found) => found.some((entry) => entry.req),
      { what: "the request's line" },
    );
    new NestLogger('Exclusions').warn(`no subscriber ${dress} in scope`);
    new NestLogger('Exclusions').error({ msg: 'lookup failed', detail: { number: dress } });

    const logged = entries();
    const urls = logged.flatMap((entry) => (entry.req ? [shown(entry.req.url)] : []));
    expect(urls).toEqual([expect.stringMatching(new RegExp(`^/subscribers/exclusions/${MASKED.source}\\?q=${MASKED.source}$`))]);
    const messages = logged.map((entry) => shown(JSON.stringify(entry)));
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`"msg":"no subscriber ${MASKED.source} in scope"`)));
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`"detail":\\{"number":"${MASKED.source}"\\}`)));
    const log = lines.join('');
    expect(log).not.toContain(dress);
    expect(log).not.toContain(encodeURIComponent(dress));
  });

  it('masks numbers in the message and stack of a logged error', () => {
    lines.length = 0;
    const error = new Error('import row (+84) 912 000 022 refused');
    new NestLogger('Imports').error(error);
    new NestLogger('Imports').error(`row 0912.000.022 refused`, `Error: row 0912.000.022 refused\n    at Imports.apply (imports.ts:1:1)`);

    const [first, second] = entries() as { err: { message: string; stack: string } }[];
    expect(first.err.message).toBe('import row (+84) *** *** 022 refused');
    expect(first.err.stack).toContain('(+84) *** *** 022');
    expect(second.err.message).toBe('row 0***.***.022 refused');
    expect(second.err.stack).toMatch(/^Error: row 0\*\*\*\.\*\*\*\.022 refused\n {4}at Imports\.apply/);
    expect(lines.join('')).not.toMatch(/912.?000/);
  });

  it("logs the server's request id, answered as X-Request-Id, with a client's id beside it", async () => {
    lines.length = 0;
    const answer = await api.http().get('/health/live').set('X-Request-Id', 'proxy-42');
    const logged = await pollUntil(
      async () => entries(),
      (found) => found.some((entry) => entry.req),
      { what: "the request's line" },
    );
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged).toContainEqual(
      expect.objectContaining({ reqId: answer.headers['x-request-id'], clientReqId: 'proxy-42', req: { method: 'GET', url: '/health/live' } }),
    );
  });

  it('logs an upload the client hung up on as an aborted request, not as the database being unavailable', async () => {
    await new Promise<void>((resolve) => api.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    const port = (api.app.getHttpServer().address() as AddressInfo).port;
    lines.length = 0;
    const upload = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/subscribers/imports',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'text/csv', 'Content-Length': '10000' },
    });
    upload.on('error', () => undefined); // the socket we cut
    upload.write('msisdn,carrier,province\n0912000022,vnpt,14\n');
    await pollUntil(
      async () => api.app.get(ImportSlots).inProgress,
      (running) => running === 1,
      { what: 'the upload to be open' },
    );
    upload.destroy();

    const logged = await pollUntil(
      async () => entries(),
      (found) => found.some((entry) => entry.msg === 'request aborted') && found.some((entry) => entry.msg === 'request aborted by the client'),
      { what: 'the aborted request in the log' },
    );
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'request aborted', level: 30, req: { method: 'POST', url: '/subscribers/imports' } }));
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'request aborted by the client', context: 'HTTP', reqId: expect.any(String) }));
    expect(lines.join('')).not.toMatch(/database unavailable/);
    await pollUntil(
      async () => api.app.get(ImportSlots).inProgress,
      (running) => running === 0,
      { what: 'the upload slot to be free again' },
    );
  });
});

describe(maskSubscriberNumbers.name, () => {
  it.each([
    ['84912345678 and 0912345678, campaign 12, 2026', '84******678 and 0******678, campaign 12, 2026'],
    ['/subscribers/exclusions/0912.000.022', '/subscribers/exclusions/0***.***.022'],
    ['(+84) 912 345 678', '(+84) *** *** 678'],
    ['+84(0)912-345-678', '+84(0)***-***-678'],
    ['SDT:0912345678', 'SDT:0******678'],
    ['0262.3818.568', '0***.****.568'],
    ['０９１２３４５６７８', '０******６７８'],
    ['gọi 113 hoặc 1900.1234, mã 123456, lúc 2026-12-07T10:54:44.097Z', 'gọi 113 hoặc 1900.1234, mã 123456, lúc 2026-12-07T10:54:44.097Z'],
  ])('%s -> %s', (text, masked) => {
    expect(maskSubscriberNumbers(text)).toBe(masked);
  });
});
