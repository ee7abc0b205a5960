import type { ExchangeSegment, IntentInstrument, OrderApproval } from '../risk/order-terms';
import type { OrderPurpose, OrderSide, OrderType } from './order-types';

/**
 * The contract of a command, plus the symbol/token mCube stores the order under when the caller
 * continues a stored one (an exit keeps its leg's). Never sent to a broker: the gateway hands the
 * execution port the instrument id only, and each adapter finds its own symbol/token (issue 13).
 */
export interface CommandInstrument extends IntentInstrument {
  readonly tradingSymbol?: string;
  readonly instrumentToken?: string;
}

/**
 * A caller's own margin/risk/exposure figures, paise (a strategy's sizing). INTERNAL: no public
 * input (REST body, contract) carries them. The order gateway computes its own and keeps the
 * larger, so they can only make a check stricter.
 */
export interface CallerFigures {
  readonly marginPaise?: number;
  readonly riskPaise?: number;
  readonly exposurePaise?: number;
}

/**
 * One order as any caller (strategy, job, REST, Telegram) hands it to the order gateway: one leg.
 * Units, not lots; prices in rupees. Margin, risk and exposure are the gateway's to compute; the
 * risk checks' input (`RiskCheckedOrder`) is derived from it inside the gateway.
 */
export interface OrderCommand {
  readonly accountId: number;
  readonly segment: ExchangeSegment;
  readonly instrument: CommandInstrument;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly orderType: OrderType;
  /** LIMIT: the limit price. MARKET: the reference price (LTP) the protected limit is built from. */
  readonly limitPrice: number;
  readonly purpose: OrderPurpose;
  /** The gateway's position this order acts on (exits, adjustments, a leg completing an entry after a restart). */
  readonly positionId?: number;
  readonly strategyType?: string;
  readonly approval?: OrderApproval;
  readonly callerFigures?: CallerFigures;
  /** A caller's idempotency key (e.g. a job id): the same key never makes a second order. */
  readonly idempotencyKey?: string;
  readonly product?: 'NRML' | 'MIS';
}

/** One leg of a multi-leg entry command. */
export type EntryCommandLeg = Pick<OrderCommand, 'segment' | 'instrument' | 'side' | 'quantity' | 'orderType' | 'limitPrice'>;

/**
 * An ENTRY of several legs sent as one command (a strangle's CE and PE). Risk-checked as a
 * whole (shape, margin of all legs, one position); `callerFigures` cover all legs.
 */
export interface EntryCommand {
  readonly accountId: number;
  readonly legs: readonly EntryCommandLeg[];
  readonly strategyType?: string;
  readonly approval?: OrderApproval;
  readonly callerFigures?: CallerFigures;
  /** The same key never makes a second entry; leg `i` gets the intent id of `<key>#<i+1>`. */
  readonly idempotencyKey?: string;
  readonly product?: 'NRML' | 'MIS';
}

/**
 * An order as a strategy emits it: the command without what its host owns (the account, the
 * host's position id, strategy type and idempotency key), plus the strategy's own position id,
 * which the host maps to its own. The strategy's sizing travels as `callerFigures`.
 */
export type StrategyOrderCommand = Omit<OrderCommand, 'accountId' | 'positionId' | 'strategyType' | 'idempotencyKey'> & { readonly strategyPositionId?: string };

/** A multi-leg ENTRY as a strategy emits it (see `StrategyOrderCommand`). */
export type StrategyEntryCommand = Omit<EntryCommand, 'accountId' | 'strategyType' | 'idempotencyKey'> & { readonly strategyPositionId: string };
