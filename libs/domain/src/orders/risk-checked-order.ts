import type { BrokerName, EntryLegShape, OrderIntent } from '../risk/order-intent';
import type { OrderCommand } from './order-command';

/** The figures the risk checks see for a whole command (margin, per-trade risk, exposure), paise. */
export interface CheckedFigures {
  readonly marginPaise: number;
  readonly riskPaise: number;
  readonly exposurePaise: number;
  /** Set when no margin could be computed: new risk is refused. */
  readonly marginUnknownReason?: string;
  /** The underlying's spot, by underlying, when the host read one. */
  readonly spots?: Readonly<Record<string, number>>;
}

/** One leg of a command as its host decided it: the limit it sends and whether it only reduces the active position. */
export interface CheckedLeg {
  readonly command: Pick<OrderCommand, 'segment' | 'instrument' | 'side' | 'quantity' | 'purpose' | 'approval'>;
  readonly limitPrice: number;
  readonly reducesPosition: boolean;
}

/**
 * The risk checks' input for one leg of a command, built here only (the API's order gateway
 * and the backtest's): the command with the host's limit, whether it reduces the active
 * position, the account's broker, the host's figures for the whole command and, for a
 * multi-leg entry, every leg. The account and position are the host's ids (the API's numbers
 * as text, the backtest's own names).
 */
export function riskCheckedOrderOf(input: { leg: CheckedLeg; accountId: string; positionId?: string; broker: BrokerName; figures: CheckedFigures; entryLegs?: readonly EntryLegShape[] }): OrderIntent {
  const { leg, broker, figures, entryLegs } = input;
  const command = leg.command;
  return {
    accountId: input.accountId,
    broker,
    segment: command.segment,
    instrument: command.instrument,
    side: command.side,
    quantity: command.quantity,
    orderType: 'LIMIT',
    limitPrice: leg.limitPrice,
    purpose: command.purpose,
    reducesPosition: leg.reducesPosition,
    positionId: input.positionId,
    approval: command.approval,
    entryLegs,
    estimatedMarginPaise: figures.marginPaise,
    marginUnknownReason: figures.marginUnknownReason,
    estimatedRiskPaise: figures.riskPaise,
    estimatedExposurePaise: figures.exposurePaise,
    underlyingSpot: figures.spots?.[command.instrument.underlying],
  };
}

/** Every leg of a multi-leg entry as the entry-shape rule sees it; undefined for a single leg. */
export function entryLegsOf(legs: readonly Pick<OrderCommand, 'instrument' | 'side' | 'quantity'>[]): EntryLegShape[] | undefined {
  return legs.length > 1 ? legs.map((l) => ({ instrument: l.instrument, side: l.side, quantity: l.quantity })) : undefined;
}
