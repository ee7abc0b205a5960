import { Global, Module } from '@nestjs/common';
import { CLOCK, SLEEP, WALL_CLOCK } from './clock.token';
import { SystemClock, timerSleep } from './system-clock';

/** Provides `CLOCK` (the system clock), `WALL_CLOCK` (always the system clock) and `SLEEP` to every module; tests override them. */
@Global()
@Module({
  providers: [
    { provide: CLOCK, useFactory: () => new SystemClock() },
    { provide: WALL_CLOCK, useFactory: () => new SystemClock() },
    { provide: SLEEP, useValue: timerSleep },
  ],
  exports: [CLOCK, WALL_CLOCK, SLEEP],
})
export class ClockModule {}
