import type { RiskDenialCode } from '@mcube/domain';

// What a caller hands the gateway is the domain's `OrderCommand` / `EntryCommand` (`@mcube/domain`); these are what it answers.

/** Why the risk checks refused an intent: the first denial, and every code in check order. */
export interface SubmitDenial {
  readonly code: RiskDenialCode;
  readonly codes: readonly RiskDenialCode[];
  readonly message: string;
  readonly context: Readonly<Record<string, string | number | boolean>>;
}

/** The outcome of a submit: the journaled orders (one per slice) and the denial, if any. */
export interface SubmitResult {
  readonly intentId: string;
  /** True when the key had been seen: nothing new was journaled or sent. */
  readonly duplicate: boolean;
  readonly orderIds: readonly number[];
  readonly statuses: readonly string[];
  readonly positionId: number | null;
  readonly denial?: SubmitDenial;
}

/** The outcome of a multi-leg entry: one result per leg, in the order given. */
export interface EntryResult {
  readonly duplicate: boolean;
  readonly positionId: number | null;
  readonly legs: readonly SubmitResult[];
  readonly denial?: SubmitDenial;
}
