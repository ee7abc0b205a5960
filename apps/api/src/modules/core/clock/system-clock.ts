import type { Clock } from '@mcube/domain';

/**
 * The real clock: UTC epoch ms from the system time, never going back between two
 * readings of one instance (an NTP step backwards repeats the last reading instead).
 */
export class SystemClock implements Clock {
  private last = 0;

  /** Now, never earlier than the previous reading. */
  nowMs(): number {
    const now = Date.now();
    if (now > this.last) this.last = now;
    return this.last;
  }
}

/** Waits with a timer. */
export function timerSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
