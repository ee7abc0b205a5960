import { Global, Module } from '@nestjs/common';
import { SLEEP, WALL_CLOCK } from './clock.token';
import { SystemClock, timerSleep } from './system-clock';

/** Provides `WALL_CLOCK` (the system clock) and `SLEEP` to every module; tests override them. `MARKET_CLOCK` comes from the data module. */
@Global()
@Module({
  providers: [
    { provide: WALL_CLOCK, useFactory: () => new SystemClock() },
    { provide: SLEEP, useValue: timerSleep },
  ],
  exports: [WALL_CLOCK, SLEEP],
})
export class ClockModule {}
