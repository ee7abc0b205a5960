/** Kinds of strategy decisions. */
export type DecisionKind = 'ENTRY' | 'SKIP' | 'EXIT' | 'HOLD' | 'ADJUST' | 'ALERT';

/** One journalled decision with everything it was based on. */
export interface DecisionRecord {
  readonly kind: DecisionKind;
  readonly strategy: 'KOTAK_STRANGLE';
  readonly accountId: string;
  readonly positionId?: string;
  /** What was decided ('ENTRY_SUBMITTED', 'SKIPPED', 'EXIT_SUBMITTED', 'HOLD' …). */
  readonly decision: string;
  /** Machine-readable why ('FILTER_FAILED:MARKET_REGIME', 'TARGET_HIT', 'SECOND_LEG_REJECTED' …). */
  readonly reasonCode: string;
  /** Human-readable why. */
  readonly message: string;
  /** The inputs the decision was made from (plain JSON data). */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** When it was decided, UTC epoch ms. */
  readonly occurredAt: number;
}

/** Where decisions go (a table in the API, an array in tests). `record` resolves once stored; failures reject. */
export interface DecisionJournal {
  record(entry: DecisionRecord): Promise<void>;
}
