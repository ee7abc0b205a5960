import { orderPathDefaultsFor, type EffectiveRiskLimits } from '@mcube/domain';

/** The order-path settings of a risk-limit row (stored, editable; DECISIONS.md: never constants in code). */
export type OrderPathSettings = EffectiveRiskLimits['orderPath'];

/**
 * Defaults `init` seeds and the risk context falls back to for an account without a row: the
 * domain's (`effectiveRiskLimits` uses the same), re-exported for the seeds.
 */
export { orderPathDefaultsFor };
