import { notionalPaise, type CallerFigures, type IsoDate, type OrderPurpose, type OrderSide, type Paise, type StrategyEntryCommand, type StrategyOrderCommand } from '@mcube/domain';
import type { KotakStrangleConfig } from '../config/kotak-strangle.config';

/** One option order of the strangle, before it becomes a command. */
export interface LegOrderSpec {
  readonly positionId: string;
  readonly expiry: IsoDate;
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  readonly side: OrderSide;
  /** Units (lots × lot size). */
  readonly quantity: number;
  /** Rupees, on the tick. */
  readonly limitPrice: number;
  /** ENTRY opens; EXIT closes (a planned exit or the unwind of a failed entry). */
  readonly purpose: Extract<OrderPurpose, 'ENTRY' | 'EXIT'>;
  /** Margin the leg blocks (0 when closing). */
  readonly estimatedMarginPaise: Paise;
}

/**
 * The command of a strangle leg: a LIMIT order on NFO-OPT, tagged with the strategy's position
 * id (its host maps it to its own position). An ENTRY carries the strategy's sizing as caller
 * figures (its margin, half the per-position stop as its planned risk, its notional; the
 * gateway computes its own and keeps the larger); an EXIT carries none (it only reduces).
 */
export function legCommand(spec: LegOrderSpec, config: KotakStrangleConfig): StrategyOrderCommand {
  return {
    segment: 'NFO-OPT',
    instrument: { underlying: config.underlying, kind: 'OPT', expiry: spec.expiry, strike: spec.strike, optionType: spec.optionType },
    side: spec.side,
    quantity: spec.quantity,
    orderType: 'LIMIT',
    limitPrice: spec.limitPrice,
    purpose: spec.purpose,
    strategyPositionId: spec.positionId,
    callerFigures: spec.purpose === 'EXIT' ? undefined : { marginPaise: spec.estimatedMarginPaise, riskPaise: Math.floor(config.perPositionStopPaise / 2), exposurePaise: notionalPaise(spec.limitPrice, spec.quantity) },
  };
}

/** The legs of one entry as ONE command: the caller figures summed over the legs. */
export function entryCommand(legs: readonly StrategyOrderCommand[], positionId: string): StrategyEntryCommand {
  const sum = (pick: (f: CallerFigures) => number | undefined) => legs.reduce((s, l) => s + (l.callerFigures ? (pick(l.callerFigures) ?? 0) : 0), 0);
  return {
    strategyPositionId: positionId,
    legs: legs.map((l) => ({ segment: l.segment, instrument: l.instrument, side: l.side, quantity: l.quantity, orderType: l.orderType, limitPrice: l.limitPrice })),
    callerFigures: { marginPaise: sum((f) => f.marginPaise), riskPaise: sum((f) => f.riskPaise), exposurePaise: sum((f) => f.exposurePaise) },
  };
}
