import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type DestinationStream, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import { type LogFormat, type LogLevel } from '@loa/config';

/**
 * Keys whose values never reach a log line, wherever they sit in a logged object: credentials, and
 * subscriber numbers (msisdn, destination, source_addr of a reply).
 */
export const REDACTED_KEYS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  '*.password',
  'jwtSecret',
  '*.jwtSecret',
  'accessToken',
  '*.accessToken',
  'msisdn',
  '*.msisdn',
  'destination',
  '*.destination',
  'subscriber',
  '*.subscriber',
  'sourceAddr',
  '*.sourceAddr',
];

/** A Vietnamese mobile number in a message's text (84… or 0… with 9–10 more digits): all but the last three digits are masked. */
export const SUBSCRIBER_NUMBER = /(?<!\d)(84|0)(\d{6,7})(\d{3})(?!\d)/g;

/** Loggers whose context names a carrier account (`Dispatcher:viettel`): the line gets a `carrier` field. */
const CARRIER_CONTEXT = /^(?:Dispatcher|CarrierLink):(\w+)$/;
/** A line about one campaign (`campaign 12 completed`) gets a `campaignId` field. */
const CAMPAIGN_IN_TEXT = /\bcampaign (\d+)\b/;

export function maskSubscriberNumbers(text: string): string {
  return text.replace(SUBSCRIBER_NUMBER, (_, prefix: string, middle: string, last: string) => `${prefix}${'*'.repeat(middle.length)}${last}`);
}

export interface LoggingSettings {
  format: LogFormat;
  level: LogLevel;
  /** Where lines go (tests capture them); default standard output. */
  destination?: DestinationStream;
}

/** The one logger of a process: Nest's own lines, the carrier links', the dispatcher's and each HTTP request, in one format. */
export function loggingModule(settings: LoggingSettings): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: [pinoOptions(settings), destination(settings)], forRoutes: ['{*path}'] });
}

function destination(settings: LoggingSettings): DestinationStream {
  if (settings.destination) return settings.destination;
  if (settings.format === 'json') return process.stdout;
  // Colours only on a terminal: a file or a pipe gets plain text.
  return pretty({
    colorize: process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,responseTime,reqId,carrier,campaignId',
    messageFormat: '{if context}[{context}] {end}{if reqId}({reqId}) {end}{msg}',
    singleLine: true,
    sync: true,
  });
}

function pinoOptions(settings: LoggingSettings): LoggerOptions & Record<string, unknown> {
  return {
    level: settings.level,
    redact: { paths: REDACTED_KEYS, censor: '[redacted]' },
    hooks: { logMethod: withIdsAndMasking },
    // pino-http: a request id on every request's lines (the caller's X-Request-Id when sane), given back in the answer.
    genReqId: requestId,
    // The request id as `reqId` on every line logged while serving the request, and on its summary line.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'reqId' },
    customLogLevel: requestLevel,
    serializers: {
      req: (request: { id?: unknown; method?: string; url?: string }) => ({ method: request.method, url: maskSubscriberNumbers(request.url ?? '') }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
  };
}

/** Adds `carrier` and `campaignId` where the context or the text names them, and masks subscriber numbers in the text. */
function withIdsAndMasking(this: unknown, args: unknown[], method: (...args: unknown[]) => void): void {
  const [first, ...rest] = args;
  if (first !== null && typeof first === 'object' && !(first instanceof Error)) {
    const fields = first as Record<string, unknown>;
    const carrier = typeof fields.context === 'string' ? CARRIER_CONTEXT.exec(fields.context)?.[1] : undefined;
    const text = typeof rest[0] === 'string' ? rest[0] : typeof fields.msg === 'string' ? fields.msg : '';
    const campaignId = CAMPAIGN_IN_TEXT.exec(text)?.[1];
    const extra = { ...(carrier ? { carrier } : {}), ...(campaignId ? { campaignId: Number(campaignId) } : {}) };
    const masked = rest.map((arg) => (typeof arg === 'string' ? maskSubscriberNumbers(arg) : arg));
    const maskedMsg = typeof fields.msg === 'string' ? { msg: maskSubscriberNumbers(fields.msg) } : {};
    return method.apply(this, [{ ...fields, ...extra, ...maskedMsg }, ...masked]);
  }
  method.apply(
    this,
    args.map((arg) => (typeof arg === 'string' ? maskSubscriberNumbers(arg) : arg)),
  );
}

function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/** Successful reads (the dashboard polls every few seconds) at debug; writes at info; refusals at warn; failures at error. */
function requestLevel(request: IncomingMessage, response: ServerResponse, error?: Error): 'debug' | 'info' | 'warn' | 'error' {
  if (error || response.statusCode >= 500) return 'error';
  if (response.statusCode >= 400) return 'warn';
  return request.method === 'GET' || request.method === 'HEAD' ? 'debug' : 'info';
}
