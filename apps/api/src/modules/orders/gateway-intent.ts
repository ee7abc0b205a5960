import type { ExchangeSegment, IntentInstrument, OrderApproval, OrderPurpose, OrderSide, OrderType, RiskDenialCode } from '@mcube/domain';

/** The contract of an intent, plus the broker's own symbol/token when the caller knows them. */
export interface GatewayInstrument extends IntentInstrument {
  readonly tradingSymbol?: string;
  readonly instrumentToken?: string;
}

/**
 * A caller's own margin/risk/exposure figures, paise (a strategy's sizing). INTERNAL: no public
 * input (REST body, contract) carries them. The gateway computes its own and keeps the larger,
 * so they can only make a check stricter.
 */
export interface CallerFigures {
  readonly marginPaise?: number;
  readonly riskPaise?: number;
  readonly exposurePaise?: number;
}

/**
 * What any caller (strategy, job, REST, Telegram) hands to `OrdersService.submit`: one leg.
 * Units, not lots; prices in rupees. Margin, risk and exposure are the gateway's to compute.
 */
export interface GatewayIntent {
  readonly accountId: number;
  readonly segment: ExchangeSegment;
  readonly instrument: GatewayInstrument;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly orderType: OrderType;
  /** LIMIT: the limit price. MARKET: the reference price (LTP) the protected limit is built from. */
  readonly limitPrice: number;
  readonly purpose: OrderPurpose;
  /** The position this order acts on (exits, adjustments, a leg completing an entry after a restart). */
  readonly positionId?: number;
  readonly strategyType?: string;
  readonly approval?: OrderApproval;
  readonly callerFigures?: CallerFigures;
  /** A caller's idempotency key (e.g. a job id): the same key never makes a second order. */
  readonly idempotencyKey?: string;
  readonly product?: 'NRML' | 'MIS';
}

/** One leg of a multi-leg entry. */
export interface GatewayEntryLeg {
  readonly segment: ExchangeSegment;
  readonly instrument: GatewayInstrument;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly orderType: OrderType;
  readonly limitPrice: number;
}

/**
 * An ENTRY of several legs sent as one command (`OrdersService.submitEntry`): a strangle's CE
 * and PE. Risk-checked as a whole (shape, margin of both legs, one position), the position
 * reserved once, every leg journaled before any is sent; `callerFigures` cover all legs.
 */
export interface GatewayEntry {
  readonly accountId: number;
  readonly legs: readonly GatewayEntryLeg[];
  readonly strategyType?: string;
  readonly approval?: OrderApproval;
  readonly callerFigures?: CallerFigures;
  /** The same key never makes a second entry; leg `i` gets the intent id of `<key>#<i+1>`. */
  readonly idempotencyKey?: string;
  readonly product?: 'NRML' | 'MIS';
}

/** Why the risk checks refused an intent: the first denial, and every code in check order. */
export interface SubmitDenial {
  readonly code: RiskDenialCode;
  readonly codes: readonly RiskDenialCode[];
  readonly message: string;
  readonly context: Readonly<Record<string, string | number | boolean>>;
}

/** The outcome of a submit: the journaled orders (one per slice) and the denial, if any. */
export interface SubmitResult {
  readonly intentId: string;
  /** True when the key had been seen: nothing new was journaled or sent. */
  readonly duplicate: boolean;
  readonly orderIds: readonly number[];
  readonly statuses: readonly string[];
  readonly positionId: number | null;
  readonly denial?: SubmitDenial;
}

/** The outcome of a multi-leg entry: one result per leg, in the order given. */
export interface EntryResult {
  readonly duplicate: boolean;
  readonly positionId: number | null;
  readonly legs: readonly SubmitResult[];
  readonly denial?: SubmitDenial;
}
