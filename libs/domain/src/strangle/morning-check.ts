/** Result of {@link morningCheck}. */
export interface MorningCheckResult {
  readonly action: 'MONITOR' | 'EVALUATE_ENTRY';
  readonly allowNewEntry: boolean;
  readonly reason: string;
}

/**
 * Plan §4 "Morning Decision Flow": the existing position is checked FIRST. An active
 * position → MONITOR only, no new entry (the one-position rule); none → EVALUATE_ENTRY.
 * Never throws.
 */
export function morningCheck(input: { hasActivePosition: boolean }): MorningCheckResult {
  return input.hasActivePosition
    ? { action: 'MONITOR', allowNewEntry: false, reason: 'Active position exists - monitor only, no new entry' }
    : { action: 'EVALUATE_ENTRY', allowNewEntry: true, reason: 'No active position - entry evaluation permitted' };
}
