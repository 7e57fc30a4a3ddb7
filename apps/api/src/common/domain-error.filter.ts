import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { type Response } from 'express';
import { type IncomingMessage } from 'node:http';
import { DomainError, type DomainErrorCode } from '@loa/common';
import { isDatabaseUnavailable } from '@loa/database';

const STATUS: { [code in DomainErrorCode]: HttpStatus } = {
  INVALID: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
};

/** The one place errors become HTTP answers: domain codes map to 4xx, an unreachable database to 503; anything else is a logged 500 without internals. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    // Refused before its body was read (an upload over the limit or too slow): close the connection after the
    // answer, or Node reads and discards the rest of the body (up to gigabytes) to keep it alive.
    if (!host.switchToHttp().getRequest<IncomingMessage>().complete) response.setHeader('Connection', 'close');
    if (error instanceof DomainError) {
      const status = STATUS[error.code];
      const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (error.code === 'TOO_MANY_REQUESTS' && typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
      response.status(status).json({ statusCode: status, error: error.code, message: error.message, details: error.details });
      return;
    }
    // Nest wraps the body parser's errors (and Express's bad percent-encoding) in an HttpException: its cause says what it was.
    const bodyError = error instanceof HttpException && isBodyParserError(error.cause) ? error.cause : error;
    if (isBodyParserError(bodyError)) {
      response.status(bodyError.status).json({ statusCode: bodyError.status, error: 'INVALID', message: `request body: ${bodyError.message}` });
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
      response.status(status).json({ statusCode: status, error: codeOfStatus(status), message: Array.isArray(message) ? message.join('; ') : String(message) });
      return;
    }
    if (isClientAbort(error, host.switchToHttp().getRequest<IncomingMessage>())) {
      // The client hung up mid-body ("aborted", ECONNRESET): its socket, not the database, is gone.
      this.logger.log('request aborted by the client');
      response.status(400).json({ statusCode: 400, error: 'INVALID', message: 'the request was aborted by the client' });
      return;
    }
    if (isDatabaseUnavailable(error)) {
      // A restart or failover, not a bug: say so, and when to come back, without a stack per request.
      this.logger.warn(`database unavailable: ${(error as Error).message}`);
      response
        .status(503)
        .set('Retry-After', '5')
        .json({ statusCode: 503, error: 'UNAVAILABLE', message: 'the database is unavailable (restarting?); try again in a few seconds' });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response.status(500).json({ statusCode: 500, error: 'INTERNAL', message: 'internal error; the request was not completed' });
  }
}

/**
 * The documented code (the Error schema's enum) of a status raised as an HttpException by Nest, Express or an upload
 * limit: "Failed to decode param" answered BAD_REQUEST and an upload over the limit PAYLOAD_TOO_LARGE, codes no
 * client of the document knows. Other 4xx (413, 408, 415) are bad input, INVALID; their message says which.
 */
function codeOfStatus(status: number): string {
  const code = (Object.keys(STATUS) as DomainErrorCode[]).find((candidate) => STATUS[candidate] === status);
  if (code) return code;
  if (status === HttpStatus.SERVICE_UNAVAILABLE) return 'UNAVAILABLE';
  return status >= 500 ? 'INTERNAL' : 'INVALID';
}

function isBodyParserError(error: unknown): error is { status: number; message: string } {
  const candidate = error as { status?: unknown; type?: unknown };
  return typeof candidate?.status === 'number' && candidate.status >= 400 && candidate.status < 500 && typeof candidate.type === 'string';
}

function isClientAbort(error: unknown, request: IncomingMessage): boolean {
  const candidate = error as { code?: unknown; message?: unknown };
  return request.readableAborted || (candidate?.code === 'ECONNRESET' && candidate.message === 'aborted');
}
