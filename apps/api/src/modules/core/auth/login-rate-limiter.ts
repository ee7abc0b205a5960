import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';

interface Window {
  startedAt: number;
  count: number;
}

/**
 * Fixed-window counter of login attempts per client address + username, plus a looser one
 * per address alone (5× the limit) against username spraying. In memory: one API process.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Counts one attempt; returns the seconds to wait when over the limit, else 0. */
  hit(ip: string, username: string, now = Date.now()): number {
    const { rateLimit, rateWindowSeconds } = this.config.security.login;
    const windowMs = rateWindowSeconds * 1000;
    if (this.windows.size > 10_000) this.sweep(now, windowMs);
    const waits = [
      this.count(`u|${ip}|${username.toLowerCase()}`, rateLimit, windowMs, now),
      this.count(`ip|${ip}`, rateLimit * 5, windowMs, now),
    ];
    return Math.max(...waits);
  }

  private count(key: string, limit: number, windowMs: number, now: number): number {
    let w = this.windows.get(key);
    if (!w || now - w.startedAt >= windowMs) {
      w = { startedAt: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    return w.count > limit ? Math.ceil((w.startedAt + windowMs - now) / 1000) : 0;
  }

  private sweep(now: number, windowMs: number): void {
    for (const [key, w] of this.windows) if (now - w.startedAt >= windowMs) this.windows.delete(key);
  }
}
