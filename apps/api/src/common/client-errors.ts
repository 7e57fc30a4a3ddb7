import { type Server, STATUS_CODES } from 'node:http';
import { type Duplex } from 'node:stream';

/** What Node found wrong with a request it could not parse, as the status it answers by default and a message. */
const ANSWERS: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: 'the URL and headers are larger than 16 kB; send long values in a JSON body' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'the request took too long to arrive; send it again' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, message: 'the chunk extensions of the request are too large' },
};
const MALFORMED = { status: 400, message: 'the request is not well-formed HTTP' };

/**
 * Node answers a request it cannot parse (URL and headers past 16 kB, a malformed request line) before the
 * application sees it, with a bare status line and no body: a 100 kB query string got a 431 without the error
 * shape. Those answers get the shape here, with the statuses Node gives them.
 */
export function answerClientErrorsInShape(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const inProgress = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (error.code === 'ECONNRESET' || !socket.writable || inProgress) {
      socket.destroy();
      return;
    }
    const { status, message } = ANSWERS[error.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify({ statusCode: status, error: 'INVALID', message });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
