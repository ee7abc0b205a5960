import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { correlationIdOf } from '../request-context/request-context';
import { LOG_REDACT_PATHS, redactSecrets } from './redaction';

/** Options of the logger that are not configuration: tests pass a buffer as destination. */
export interface AppLoggerOptions {
  /** Where JSON log lines go; stdout when absent. */
  destination?: DestinationStream;
}

/**
 * Structured JSON logs (pino via nestjs-pino) with one line per request, the correlation id
 * as `req.id`, redaction paths for headers and a deep secret redactor on every log object.
 */
@Module({})
export class AppLoggerModule {
  static forRoot(options: AppLoggerOptions = {}): DynamicModule {
    return {
      module: AppLoggerModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            pinoHttp: [
              {
                level: config.logLevel,
                redact: { paths: [...LOG_REDACT_PATHS], censor: '[REDACTED]' },
                formatters: { log: (obj: Record<string, unknown>) => redactSecrets(obj) },
                genReqId: (req) => correlationIdOf(req as never),
                customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
                autoLogging: true,
              },
              options.destination ?? process.stdout,
            ],
          }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
