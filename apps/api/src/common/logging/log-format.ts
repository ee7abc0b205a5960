import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DestinationStream } from 'pino';
import { build as prettyStream } from 'pino-pretty';
import { redactUrl } from './query-redaction';

/** `pretty` when asked, else when stdout is a terminal (a person reading); JSON for files, pipes, collectors. */
export function logFormatOf(configured: 'pretty' | 'json' | undefined, isTty = process.stdout.isTTY === true): 'pretty' | 'json' {
  return configured ?? (isTty ? 'pretty' : 'json');
}

/** `GET /api/orders?token=[REDACTED] 200 3ms`: the one line a request gets in the pretty format. */
export function requestLine(req: IncomingMessage, res: ServerResponse, responseTimeMs?: number): string {
  const url = typeof req.url === 'string' ? redactUrl((req as { originalUrl?: string }).originalUrl ?? req.url) : '';
  const took = responseTimeMs === undefined ? '' : ` ${Math.round(responseTimeMs)}ms`;
  return `${req.method ?? '?'} ${url} ${res.statusCode}${took}`;
}

/**
 * A synchronous pino-pretty stream on stdout (or `target`): one line per log record, time and level first;
 * the request and response objects (headers) are left out, the request line says enough. The
 * records are redacted before they reach it (pino's redact paths and formatters run first).
 */
export function prettyDestination(target?: DestinationStream): DestinationStream {
  return prettyStream({
    colorize: target === undefined && process.stdout.isTTY === true,
    singleLine: true,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,req,res,responseTime,context',
    destination: (target as NodeJS.WritableStream | undefined) ?? 1,
  });
}
