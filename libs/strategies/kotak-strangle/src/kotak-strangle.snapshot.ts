import type { EntryAttemptSnapshot } from './execution/entry-attempt';

/**
 * The working state of a `KotakStrangleStrategy` that must survive a restart (plain JSON):
 * the day of the last entry evaluation, and an entry in progress with the orders it is
 * watching. A close in progress is stored on the position instead (`requestExit`) and resumed
 * from it; everything else (alert throttles, hold journalling) may be lost.
 */
export interface KotakStrangleSnapshot {
  readonly version: 1;
  readonly lastEntryDate: string | null;
  readonly entry: EntryAttemptSnapshot | null;
}
