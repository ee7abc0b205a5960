import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream, SerializerFn } from 'pino';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { correlationIdOf } from '../request-context/request-context';
import { logFormatOf, prettyDestination, requestLine } from './log-format';
import { redactQuery, redactUrl } from './query-redaction';
import { LOG_REDACT_PATHS, redactSecrets } from './redaction';
import { RequestLogLevel } from './request-log-level';

/** Options of the logger that are not configuration: tests pass a buffer as destination. */
export interface AppLoggerOptions {
  /** Where log lines go; stdout when absent. */
  destination?: DestinationStream;
  /** Overrides the configured format (tests of the pretty format). */
  format?: 'pretty' | 'json';
}

/**
 * Logs through pino (nestjs-pino): human-readable lines (pino-pretty, `METHOD url status time`
 * for a request) when stdout is a terminal or LOG_FORMAT=pretty, else structured JSON with one
 * object per request, the correlation id
 * as `req.id`, redaction paths for headers, credential-named query values redacted in `url`
 * and `query`, a deep secret redactor on every log object, and 401 noise sampled down to debug.
 */
@Module({})
export class AppLoggerModule {
  static forRoot(options: AppLoggerOptions = {}): DynamicModule {
    return {
      module: AppLoggerModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            const levels = new RequestLogLevel();
            const withHeaders = config.logLevel === 'debug' || config.logLevel === 'trace';
            // A destination given by a test is JSON unless the test asks for pretty.
            const pretty = logFormatOf(options.format ?? config.ops.logFormat, options.destination === undefined && process.stdout.isTTY === true) === 'pretty';
            return {
              pinoHttp: [
                {
                  level: config.logLevel,
                  redact: { paths: [...LOG_REDACT_PATHS], censor: '[REDACTED]' },
                  formatters: { log: (obj: Record<string, unknown>) => redactSecrets(obj) },
                  genReqId: (req) => correlationIdOf(req as never),
                  customLogLevel: (req, res, err) => levels.levelOf(req, res, err),
                  // Changes the serialized copy only (its `query` is replaced, the request's own is untouched).
                  // Below debug a request line is method, path, status, duration, user and request id:
                  // every header on every line was ~1.3 KB a request (issue 21); debug keeps them.
                  serializers: (withHeaders
                    ? { req: (req: { url?: unknown; query?: unknown }) => Object.assign(req, { url: typeof req.url === 'string' ? redactUrl(req.url) : req.url, query: redactQuery(req.query) }) }
                    : { req: (req: { id?: unknown; method?: unknown; url?: unknown }) => ({ id: req.id, method: req.method, url: typeof req.url === 'string' ? redactUrl(req.url) : req.url }), res: (res: { statusCode?: unknown }) => ({ statusCode: res.statusCode }) }) as Record<string, SerializerFn>,
                  customProps: (req: IncomingMessage) => {
                    const user = (req as { principal?: { username?: string } }).principal?.username;
                    return user === undefined ? {} : { user };
                  },
                  autoLogging: true,
                  // Pretty: the line says method, redacted URL, status and time; the objects are not printed.
                  ...(pretty ? { customSuccessMessage: requestLine, customErrorMessage: (req: IncomingMessage, res: ServerResponse) => requestLine(req, res) } : {}),
                },
                pretty ? prettyDestination(options.destination) : (options.destination ?? process.stdout),
              ],
            };
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
