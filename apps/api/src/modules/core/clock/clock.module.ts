import { Global, Module } from '@nestjs/common';
import { CLOCK, SLEEP } from './clock.token';
import { SystemClock, timerSleep } from './system-clock';

/** Provides `CLOCK` (the system clock) and `SLEEP` to every module; tests override both. */
@Global()
@Module({
  providers: [
    { provide: CLOCK, useFactory: () => new SystemClock() },
    { provide: SLEEP, useValue: timerSleep },
  ],
  exports: [CLOCK, SLEEP],
})
export class ClockModule {}
