import { runRiskChecks, type BrokerName, type EntryLegShape, type OrderIntent, type RiskContext, type RiskDenial, type RiskDenialCode } from '@mcube/domain';
import type { GatewayFigures } from './order-figures.service';
import type { GatewayIntent } from './gateway-intent';

/** One leg as the decision sees it: the intent, its (protected) limit and whether it only reduces the active position. */
export interface DecisionLeg {
  readonly intent: GatewayIntent;
  readonly limitPrice: number;
  readonly reducesPosition: boolean;
}

/** Every denial of a command, first one first; ok when there is none. */
export interface OrderDecision {
  readonly ok: boolean;
  readonly firstDenial?: RiskDenial;
  readonly codes: readonly RiskDenialCode[];
}

/** The domain intent of one leg: the gateway's figures for the whole command (never a caller's alone) and, for a multi-leg entry, every leg. */
function domainIntentOf(leg: DecisionLeg, broker: BrokerName, figures: GatewayFigures, entryLegs: readonly EntryLegShape[] | undefined): OrderIntent {
  const { intent } = leg;
  return {
    accountId: String(intent.accountId),
    broker,
    segment: intent.segment,
    instrument: intent.instrument,
    side: intent.side,
    quantity: intent.quantity,
    orderType: 'LIMIT',
    limitPrice: leg.limitPrice,
    purpose: intent.purpose,
    reducesPosition: leg.reducesPosition,
    positionId: intent.positionId === undefined ? undefined : String(intent.positionId),
    approval: intent.approval,
    entryLegs,
    estimatedMarginPaise: figures.marginPaise,
    marginUnknownReason: figures.marginUnknownReason,
    estimatedRiskPaise: figures.riskPaise,
    estimatedExposurePaise: figures.exposurePaise,
    underlyingSpot: figures.spots?.[intent.instrument.underlying],
  };
}

/**
 * Runs the domain's risk checks on every leg of a command with the account's state AFTER the
 * order (the context's margin in use and exposure plus the command's own figures) and merges
 * the denials (each code once, in check order of the first leg that broke it). A multi-leg
 * command is checked as a whole: the shape rule sees every leg, the margin rule the margin of
 * all legs together; any denial refuses every leg.
 */
export function decideOrder(input: { legs: readonly DecisionLeg[]; context: RiskContext; broker: BrokerName; figures: GatewayFigures }): OrderDecision {
  const { legs, context, broker, figures } = input;
  const entryLegs = legs.length > 1 ? legs.map((l) => ({ instrument: l.intent.instrument, side: l.intent.side, quantity: l.intent.quantity })) : undefined;
  const denials: RiskDenial[] = [];
  for (const leg of legs) {
    const report = runRiskChecks(domainIntentOf(leg, broker, figures, entryLegs), context);
    for (const d of report.denials) if (!denials.some((x) => x.code === d.code)) denials.push(d);
  }
  return denials.length === 0 ? { ok: true, codes: [] } : { ok: false, firstDenial: denials[0], codes: denials.map((d) => d.code) };
}
