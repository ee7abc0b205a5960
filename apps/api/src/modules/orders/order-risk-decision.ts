import { entryLegsOf, riskCheckedOrderOf, runRiskChecks, type BrokerName, type OrderCommand, type RiskContext, type RiskDenial, type RiskDenialCode } from '@mcube/domain';
import type { GatewayFigures } from './order-figures.service';

/** One leg as the decision sees it: the intent, its (protected) limit and whether it only reduces the active position. */
export interface DecisionLeg {
  readonly intent: OrderCommand;
  readonly limitPrice: number;
  readonly reducesPosition: boolean;
}

/** Every denial of a command, first one first; ok when there is none. */
export interface OrderDecision {
  readonly ok: boolean;
  readonly firstDenial?: RiskDenial;
  readonly codes: readonly RiskDenialCode[];
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
  const entryLegs = entryLegsOf(legs.map((l) => l.intent));
  const denials: RiskDenial[] = [];
  for (const leg of legs) {
    const report = runRiskChecks(riskCheckedOrderOf({ leg: { command: leg.intent, limitPrice: leg.limitPrice, reducesPosition: leg.reducesPosition }, accountId: String(leg.intent.accountId), positionId: positionIdOf(leg.intent), broker, figures, entryLegs }), context);
    for (const d of report.denials) if (!denials.some((x) => x.code === d.code)) denials.push(d);
  }
  return denials.length === 0 ? { ok: true, codes: [] } : { ok: false, firstDenial: denials[0], codes: denials.map((d) => d.code) };
}

function positionIdOf(command: OrderCommand): string | undefined {
  return command.positionId === undefined ? undefined : String(command.positionId);
}
