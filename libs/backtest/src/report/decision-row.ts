import { istDateTimeOf } from '@mcube/domain';
import type { EngineDecision } from '../strategy/strategy-host';

/** One decision as the report lists it: when, what, why, and the inputs that decided it. */
export interface DecisionRow {
  readonly date: string;
  readonly time: string;
  readonly kind: string;
  readonly decision: string;
  readonly reasonCode: string;
  readonly message: string;
  readonly positionId?: string;
  readonly inputs: Readonly<Record<string, unknown>>;
}

type Obj = Readonly<Record<string, unknown>>;
const obj = (v: unknown): Obj | null => (v !== null && typeof v === 'object' ? (v as Obj) : null);

/** The figures of an entry evaluation a reader needs (the whole evaluation is several kB). */
function compactEvaluation(ev: Obj): Obj {
  const market = obj(ev.market);
  const filters = obj(ev.filters);
  const expiry = obj(ev.expiry);
  const strikes = obj(ev.strikes);
  const premium = obj(ev.premium);
  const sizing = obj(ev.sizing);
  const failed = Array.isArray(filters?.filters) ? (filters?.filters as Obj[]).filter((f) => f.passed === false).map((f) => f.name) : undefined;
  return {
    ...(market
      ? {
          spot: market.spot,
          vix: market.vix,
          giftNiftyProxyPct: market.giftNiftyChangePct,
          nasdaqPct: market.nasdaqChangePct,
          dowPct: market.dowChangePct,
          nifty1dPct: market.nifty1dChangePct,
          nifty3dPct: market.nifty3dChangePct,
          bollinger: [market.bollingerLower, market.bollingerMiddle, market.bollingerUpper],
          highImpactEvents: market.highImpactEvents,
        }
      : {}),
    ...(failed ? { failedFilters: failed } : {}),
    ...(expiry ? { expiry: expiry.expiry, daysToExpiry: expiry.daysToExpiry } : {}),
    ...(strikes ? { callStrike: strikes.callStrike, putStrike: strikes.putStrike, bias: strikes.bias } : {}),
    ...(premium ? { callLimit: obj(premium.call)?.limitPrice, putLimit: obj(premium.put)?.limitPrice } : {}),
    ...(sizing ? { lots: sizing.lots, quantity: sizing.quantity, lotSize: sizing.lotSize, usableMarginPaise: sizing.usableMarginPaise, marginPerLotPaise: sizing.marginPerLotPaise } : {}),
  };
}

/** The figures of a monitoring pass: spot, each leg's average and mark, premium vs cost to close, delta, the exit code. */
function compactAssessment(a: Obj): Obj {
  const legs = Array.isArray(a.legs) ? (a.legs as Obj[]).map((l) => ({ optionType: l.optionType, strike: l.strike, quantity: l.quantity, averagePrice: l.averagePrice, markPrice: l.markPrice })) : [];
  const exit = obj(a.exit);
  return { spot: a.spot, legs, premiumCollectedPaise: a.premiumCollectedPaise, costToClosePaise: a.costToClosePaise, profitPaise: exit?.profitPaise, netDelta: a.netDelta };
}

/**
 * A journal record as a report row: IST date and time, and compact inputs (an evaluation or
 * an assessment reduced to the figures that decided it; anything else as recorded).
 */
export function decisionRow(record: EngineDecision): DecisionRow {
  const { date, time } = istDateTimeOf(record.occurredAt);
  const evaluation = obj(record.inputs.evaluation);
  const assessment = obj(record.inputs.assessment);
  const inputs = evaluation ? compactEvaluation(evaluation) : assessment ? compactAssessment(assessment) : record.inputs;
  return { date, time: time.slice(0, 5), kind: record.kind, decision: record.decision, reasonCode: record.reasonCode, message: record.message, ...(record.positionId ? { positionId: record.positionId } : {}), inputs };
}
