import { epochMsOfIst, FixedClock } from '@mcube/domain';
import { startSecurityApp, type SecurityApp } from '../security/security-app';
import { WALL_CLOCK } from '../../src/modules/core/clock/clock.token';

/** A running API whose process clock is a FixedClock the test moves (the simulator follows it). */
export interface DataApp extends SecurityApp {
  clock: FixedClock;
  /** Sets the clock to an IST date and time (never backwards). */
  setIst(date: string, time: string): void;
}

/** Starts the real app on a fresh database at the given IST instant (market jobs off: tests call them). */
export async function startDataApp(at: { date: string; time: string }, env: Record<string, string> = {}): Promise<DataApp> {
  const clock = new FixedClock(epochMsOfIst(at.date, at.time));
  const s = await startSecurityApp({ env: { MCUBE_SIM_SEED: '11', ...env }, overrides: [{ provide: WALL_CLOCK, useValue: clock }] });
  return {
    ...s,
    clock,
    setIst: (date, time) => {
      const target = epochMsOfIst(date, time);
      if (target < clock.nowMs()) throw new Error(`the clock cannot go back to ${date} ${time}`);
      clock.advance(target - clock.nowMs());
    },
  };
}
