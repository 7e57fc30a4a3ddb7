import { AsyncLocalStorage } from 'node:async_hooks';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type DynamicModule, Global, Inject, Injectable, type LoggerService, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { type DestinationStream, type Level, type Logger as PinoLogger, type LoggerOptions, stdSerializers } from 'pino';
import { type HttpLogger, type Options as HttpLoggerOptions, pinoHttp } from 'pino-http';
import pretty from 'pino-pretty';
import { requestIdsOf } from '@loa/auth';
import { type LogFormat, type LogLevel } from '@loa/config';
import { maskFields, maskSubscriberNumbers, maskUrl, REDACTED_KEYS } from './log-redaction';

export { maskSubscriberNumbers, REDACTED_KEYS } from './log-redaction';

/** Loggers whose context names a carrier account (`Dispatcher:viettel`): the line gets a `carrier` field. */
const CARRIER_CONTEXT = /^(?:Dispatcher|CarrierLink):(\w+)$/;
/** A line about one campaign (`campaign 12 completed`) gets a `campaignId` field. */
const CAMPAIGN_IN_TEXT = /\bcampaign (\d+)\b/;

export interface LoggingSettings {
  format: LogFormat;
  level: LogLevel;
  /** Where lines go (tests capture them); default standard output. */
  destination?: DestinationStream;
}

const HTTP_LOGGER = Symbol('HTTP_LOGGER');
/** The logger of the request being served (pino-http's, with its `reqId`): lines logged while serving it carry the id. */
const requestLoggers = new AsyncLocalStorage<PinoLogger>();

/**
 * Nest's LoggerService over pino: Nest's own lines, every `new Logger(context)` and the carrier links' go
 * through it once `app.useLogger(app.get(LoaLogger))`; the context becomes a `context` field.
 */
@Injectable()
export class LoaLogger implements LoggerService {
  constructor(@Inject(HTTP_LOGGER) private readonly http: HttpLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the context last: `log(message, ...params, context)`, `error(message, stack, context)`. */
  private write(level: Level, message: unknown, params: unknown[]): void {
    const logger = requestLoggers.getStore() ?? this.http.logger;
    const fields: Record<string, unknown> = params.length > 0 ? { context: params.at(-1) } : {};
    // Nest's Logger passes an undefined stack before the context of error(message).
    const rest = params.slice(0, -1).filter((param) => param !== undefined);
    if (message instanceof Error) return logger[level]({ ...fields, err: message }, ...(rest as []));
    if (typeof message === 'object' && message !== null) return logger[level]({ ...fields, ...message }, ...(rest as []));
    if (level === 'error' && rest.length === 1 && typeof rest[0] === 'string' && /\n\s*at /.test(rest[0])) {
      // Nest's exception handlers log (message, stack, context): one error with its stack.
      const err = Object.assign(new Error(String(message)), { stack: rest[0] });
      return logger.error({ ...fields, err });
    }
    logger[level](fields, String(message), ...rest);
  }
}

@Global()
@Module({})
export class LoggingModule implements NestModule {
  constructor(@Inject(HTTP_LOGGER) private readonly http: HttpLogger) {}

  /** pino-http on every route: one summary line per request, and the request's logger for the lines logged while serving it. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((request: IncomingMessage & { log: PinoLogger }, response: ServerResponse, next: () => void) =>
        this.http(request, response, () => requestLoggers.run(request.log, next)),
      )
      .forRoutes('{*path}');
  }
}

/** The one logger of a process: Nest's own lines, the carrier links', the dispatcher's and each HTTP request, in one format. */
export function loggingModule(settings: LoggingSettings): DynamicModule {
  const http = pinoHttp(pinoOptions(settings), destination(settings));
  return { module: LoggingModule, providers: [{ provide: HTTP_LOGGER, useValue: http }, LoaLogger], exports: [LoaLogger] };
}

function destination(settings: LoggingSettings): DestinationStream {
  if (settings.destination) return settings.destination;
  if (settings.format === 'json') return process.stdout;
  // Colours only on a terminal: a file or a pipe gets plain text.
  return pretty({
    colorize: process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,responseTime,reqId,clientReqId,carrier,campaignId',
    messageFormat: '{if context}[{context}] {end}{if reqId}({reqId}) {end}{msg}',
    singleLine: true,
    sync: true,
  });
}

function pinoOptions(settings: LoggingSettings): LoggerOptions & HttpLoggerOptions {
  return {
    level: settings.level,
    redact: { paths: REDACTED_KEYS, censor: '[redacted]' },
    hooks: { logMethod: withIdsAndMasking },
    // pino-http: the server's request id on every request's lines, the caller's X-Request-Id (when plain) beside it on the summary.
    genReqId: requestId,
    customProps: clientRequestId,
    // The request id as `reqId` on every line logged while serving the request, and on its summary line.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'reqId' },
    customLogLevel: requestLevel,
    serializers: {
      req: (request: { method?: string; url?: string }) => ({ method: request.method, url: maskUrl(request.url ?? '') }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
      // pino-http hands this serializer the standard form already (an object of its own prototype); masked as a plain copy.
      err: (error: unknown) => maskFields({ ...(error instanceof Error ? stdSerializers.err(error) : (error as object)) }),
    },
  };
}

/** Adds `carrier` and `campaignId` where the context or the text names them, and masks subscriber numbers in the text and fields. */
function withIdsAndMasking(this: PinoLogger, args: unknown[], method: (...args: unknown[]) => void): void {
  const [first, ...rest] = args;
  const masked = rest.map((arg) => (typeof arg === 'string' ? maskSubscriberNumbers(arg) : arg));
  if (first instanceof Error) return method.apply(this, [first, ...(masked.length > 0 ? masked : [maskSubscriberNumbers(first.message)])]);
  if (first === null || typeof first !== 'object') return method.apply(this, [typeof first === 'string' ? maskSubscriberNumbers(first) : first, ...masked]);
  const fields = maskFields(first as Record<string, unknown>);
  // Without a message pino would take the error's own, unmasked.
  if (masked.length === 0 && fields.msg === undefined && fields.err instanceof Error) masked.push(maskSubscriberNumbers(fields.err.message));
  const carrier = typeof fields.context === 'string' ? CARRIER_CONTEXT.exec(fields.context)?.[1] : undefined;
  const text = typeof rest[0] === 'string' ? rest[0] : typeof fields.msg === 'string' ? fields.msg : '';
  const campaignId = CAMPAIGN_IN_TEXT.exec(text)?.[1];
  const extra = { ...(carrier ? { carrier } : {}), ...(campaignId ? { campaignId: Number(campaignId) } : {}) };
  method.apply(this, [{ ...fields, ...extra }, ...masked]);
}

/** The server's own id of the request (the audit log's too), answered as X-Request-Id; a plain client id rides beside it. */
function requestId(request: IncomingMessage, response: ServerResponse): string {
  return requestIdsOf(request, response).requestId;
}

function clientRequestId(request: IncomingMessage, response: ServerResponse): { clientReqId?: string } {
  const { clientRequestId: given } = requestIdsOf(request, response);
  return given ? { clientReqId: given } : {};
}

/**
 * Successful reads (the dashboard polls every few seconds) at debug; writes at info; refusals at warn;
 * failures at error. A request the client hung up on is neither: pino-http says "request aborted", at info.
 */
function requestLevel(request: IncomingMessage, response: ServerResponse, error?: Error): 'debug' | 'info' | 'warn' | 'error' {
  if (request.readableAborted || !response.writableEnded) return 'info';
  if (error || response.statusCode >= 500) return 'error';
  if (response.statusCode >= 400) return 'warn';
  return request.method === 'GET' || request.method === 'HEAD' ? 'debug' : 'info';
}
