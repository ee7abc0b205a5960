import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Level } from 'pino';

/** 401 answers logged at info per wall-clock minute; the rest of that minute's go to debug. */
export const UNAUTHENTICATED_INFO_PER_MINUTE = 10;

/**
 * The level of a request's log line: 5xx error, 401 mostly debug (anonymous noise: scanners,
 * expired tabs; only the first few per minute at info so a burst still shows), other 4xx warn,
 * the rest info. One instance per logger; wall time.
 */
export class RequestLogLevel {
  private minute = -1;
  private unauthenticated = 0;

  levelOf(_req: IncomingMessage, res: ServerResponse, err?: Error): Level {
    if (err || res.statusCode >= 500) return 'error';
    if (res.statusCode === 401) return this.sample401(Date.now());
    return res.statusCode >= 400 ? 'warn' : 'info';
  }

  private sample401(nowMs: number): Level {
    const minute = Math.floor(nowMs / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.unauthenticated = 0;
    }
    this.unauthenticated += 1;
    return this.unauthenticated <= UNAUTHENTICATED_INFO_PER_MINUTE ? 'info' : 'debug';
  }
}
