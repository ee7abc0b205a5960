/** Kinds of strategy decisions (the strangle's, plus APPROVAL for requests sent to a person). */
export type FuturesDecisionKind = 'SCREEN' | 'ENTRY' | 'SKIP' | 'EXIT' | 'HOLD' | 'AVERAGE' | 'APPROVAL' | 'VALIDATION' | 'ALERT';

/** One journalled decision with everything it was based on. */
export interface FuturesDecisionRecord {
  readonly kind: FuturesDecisionKind;
  readonly strategy: 'ICICI_FUTURES';
  readonly accountId: string;
  readonly positionId?: string;
  /** What was decided ('SCREENED', 'APPROVAL_REQUESTED', 'ENTRY_SUBMITTED', 'EXIT', 'HOLD' …). */
  readonly decision: string;
  /** Machine-readable why ('SCORE_BELOW_MIN', 'STOP_LOSS_HIT', 'VALIDATION_FAILED:LOW_CONFIDENCE' …). */
  readonly reasonCode: string;
  readonly message: string;
  /** The inputs the decision was made from (plain JSON data). */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Market time of the decision, UTC epoch ms. */
  readonly occurredAt: number;
}

/** Where decisions go (a table in the API, an array in tests). `record` resolves once stored; failures reject. */
export interface FuturesDecisionJournal {
  record(entry: FuturesDecisionRecord): Promise<void>;
}
