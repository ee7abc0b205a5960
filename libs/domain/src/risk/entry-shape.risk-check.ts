import type { EntryLegShape } from './order-terms';
import type { RiskCheckedOrder } from '../orders/risk-checked-order';
import type { RiskContext } from './risk-context';
import { RISK_OK, riskDenied, type RiskCheck } from './risk-check-result';

const describeLeg = (l: EntryLegShape): string =>
  `${l.side} ${l.quantity} ${l.instrument.underlying} ${l.instrument.expiry}${l.instrument.kind === 'FUT' ? ' FUT' : ` ${l.instrument.strike ?? '?'} ${l.instrument.optionType ?? '?'}`}`;

/** Why `legs` are not a short strangle (one SELL CE + one SELL PE, one underlying and expiry, equal units), or null. */
export function strangleShapeProblem(legs: readonly EntryLegShape[]): string | null {
  if (legs.length !== 2) return `a strangle has 2 legs, got ${legs.length}`;
  const [a, b] = legs;
  if (a.instrument.kind !== 'OPT' || b.instrument.kind !== 'OPT') return 'both legs must be options';
  const types = new Set([a.instrument.optionType, b.instrument.optionType]);
  if (!types.has('CE') || !types.has('PE')) return 'one leg must be a CE and the other a PE';
  if (a.side !== 'SELL' || b.side !== 'SELL') return 'both legs must be sold';
  if (a.instrument.underlying !== b.instrument.underlying || a.instrument.expiry !== b.instrument.expiry) return 'both legs must be of one underlying and one expiry';
  if (a.quantity !== b.quantity) return `both legs must have the same quantity (${a.quantity} ≠ ${b.quantity})`;
  return null;
}

/** Why `legs` are not one futures contract, or null. */
export function futuresShapeProblem(legs: readonly EntryLegShape[]): string | null {
  if (legs.length !== 1) return `a futures entry has 1 leg, got ${legs.length}`;
  return legs[0].instrument.kind === 'FUT' ? null : 'the leg must be a futures contract';
}

function legsOf(intent: RiskCheckedOrder, ctx: RiskContext): readonly EntryLegShape[] {
  const own = intent.entryLegs ?? [{ instrument: intent.instrument, side: intent.side, quantity: intent.quantity }];
  // An entry naming the active position completes it (the second leg after a restart): judge the whole.
  const completing = intent.positionId !== undefined && intent.positionId === ctx.activePositionId;
  return completing ? [...(ctx.activePositionLegs ?? []), ...own] : own;
}

/**
 * An ENTRY must have the shape of the account's strategy, counting the legs sent with it
 * (`entryLegs`) and, when it completes the active position, that position's open legs:
 * KOTAK a short strangle (one SELL CE and one SELL PE of one underlying and expiry, equal
 * quantity), ICICI one futures contract. Anything else is ENTRY_SHAPE_INVALID, so a naked
 * option or a stray leg never opens a position. Other purposes pass.
 */
export const entryShapeRiskCheck: RiskCheck = (intent, ctx) => {
  if (intent.purpose !== 'ENTRY') return RISK_OK;
  const legs = legsOf(intent, ctx);
  const broker = ctx.account.broker;
  const problem = broker === 'KOTAK' ? strangleShapeProblem(legs) : futuresShapeProblem(legs);
  if (problem === null) return RISK_OK;
  const expected = broker === 'KOTAK' ? 'a short strangle: one SELL CE and one SELL PE of one expiry with equal quantity' : 'one futures contract';
  return riskDenied('ENTRY_SHAPE_INVALID', `a ${broker} entry must be ${expected}: ${problem} (${legs.map(describeLeg).join('; ')})`, {
    broker,
    legs: legs.length,
    problem,
  });
};
