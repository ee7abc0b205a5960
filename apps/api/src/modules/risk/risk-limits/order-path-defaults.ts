import type { BrokerCode } from '../../accounts/entities/broker-account.entity';

/** The order-path settings of a risk-limit row (stored, editable; DECISIONS.md: never constants in code). */
export interface OrderPathSettings {
  /** ENTRY and AVERAGE orders need a person's approval. */
  readonly requiresApproval: boolean;
  /** Fewest calendar days to expiry for new option risk. */
  readonly minDaysToExpiryOptions: number;
  /** Fewest calendar days to expiry for new futures risk. */
  readonly minDaysToExpiryFutures: number;
}

/**
 * Defaults `init` seeds and the risk context falls back to for an account without a row:
 * every ICICI entry/averaging order waits for a person (DECISIONS §1); options need 1 day to
 * expiry (the 1-day rule), futures 15.
 */
export function orderPathDefaultsFor(broker: BrokerCode): OrderPathSettings {
  return { requiresApproval: broker === 'ICICI', minDaysToExpiryOptions: 1, minDaysToExpiryFutures: 15 };
}
