import type { Paise } from '../money/paise';
import type { BrokerName, EntryLegShape, ExchangeSegment, IntentInstrument, OrderApproval } from '../risk/order-terms';
import type { OrderCommand } from './order-command';
import type { OrderPurpose, OrderSide, OrderType } from './order-types';

/**
 * The risk checks' input: one leg of an `OrderCommand` as the order gateway (API or backtest)
 * is about to send it, with the host's figures, built by `riskCheckedOrderOf` below.
 * Quantities are units (not lots); money is paise; prices are rupees.
 */
export interface RiskCheckedOrder {
  readonly accountId: string;
  readonly broker: BrokerName;
  readonly segment: ExchangeSegment;
  readonly instrument: IntentInstrument;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly orderType: OrderType;
  readonly limitPrice?: number;
  readonly purpose: OrderPurpose;
  /** True when the order only shrinks an existing position (computed by the caller from the position). */
  readonly reducesPosition: boolean;
  /** The position this order belongs to: lets the second leg of a strangle entry through the one-position rule. */
  readonly positionId?: string;
  readonly approval?: OrderApproval;
  /**
   * Every leg of the entry this order is part of, itself included (a strangle: the CE and the
   * PE, sent together); absent for a single-leg order. The entry-shape rule reads it.
   */
  readonly entryLegs?: readonly EntryLegShape[];
  /**
   * Margin the order (with its other entry legs) will block: computed by the order gateway
   * (`orderFigures`, or the broker's margin API when larger), never taken from a caller.
   */
  readonly estimatedMarginPaise: Paise;
  /** Set when the gateway could not compute the margin (no spot for a short option): new risk is refused. */
  readonly marginUnknownReason?: string;
  /** Loss if the order's stop is hit (per-trade risk), computed like the margin. */
  readonly estimatedRiskPaise: Paise;
  /** Notional the order adds (underlying value of a short option, contract value for futures), computed like the margin. */
  readonly estimatedExposurePaise: Paise;
  /** The underlying's spot the gateway read for this command (its market data), when it had one: the test-order rule measures "far out of the money" from it. */
  readonly underlyingSpot?: number;
}

/**
 * True when the order only reduces risk: `reducesPosition` AND purpose EXIT or ADJUST.
 * An ENTRY or AVERAGE never counts as reducing, whatever the flag says, and an EXIT that
 * would not reduce (e.g. the position is already flat) is treated as a new risk. Entry-only
 * rules (margin, loss limits, one position, targets…) never block a reducing order.
 */
export function isReducingOrder(order: Pick<RiskCheckedOrder, 'purpose' | 'reducesPosition'>): boolean {
  return order.reducesPosition === true && (order.purpose === 'EXIT' || order.purpose === 'ADJUST');
}

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
export function riskCheckedOrderOf(input: { leg: CheckedLeg; accountId: string; positionId?: string; broker: BrokerName; figures: CheckedFigures; entryLegs?: readonly EntryLegShape[] }): RiskCheckedOrder {
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
