import type { ClosingPlanSnapshot } from './execution/closing-plan';
import type { EntryAttemptSnapshot } from './execution/entry-attempt';

/**
 * The working state of a `KotakStrangleStrategy` that must survive a restart (plain JSON):
 * the day of the last entry evaluation, and an entry or a close in progress with the orders
 * it is watching. Everything else (alert throttles, hold journalling) may be lost.
 */
export interface KotakStrangleSnapshot {
  readonly version: 1;
  readonly lastEntryDate: string | null;
  readonly entry: EntryAttemptSnapshot | null;
  readonly closing: ClosingPlanSnapshot | null;
}
