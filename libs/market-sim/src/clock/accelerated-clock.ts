import { assertFinite, assertPositive, type Clock } from '@mcube/domain';

/**
 * A clock running `speed` times faster than `base` from `startMs`: now = start + elapsed·speed.
 * Never decreases while `base` does not. Throws INVALID_ARGUMENT on a bad start or speed.
 */
export class AcceleratedClock implements Clock {
  private readonly baseStart: number;

  constructor(
    private readonly base: Clock,
    private readonly startMs: number,
    private readonly speed: number,
  ) {
    assertFinite('startMs', startMs);
    assertPositive('speed', speed);
    this.baseStart = base.nowMs();
  }

  nowMs(): number {
    return this.startMs + Math.max(0, this.base.nowMs() - this.baseStart) * this.speed;
  }
}
