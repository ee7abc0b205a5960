import type { ExchangeSegment, IntentInstrument, OrderApproval, OrderPurpose, OrderSide, OrderType, RiskDenialCode } from '@mcube/domain';

/** The contract of an intent, plus the broker's own symbol/token when the caller knows them. */
export interface GatewayInstrument extends IntentInstrument {
  readonly tradingSymbol?: string;
  readonly instrumentToken?: string;
}

/**
 * What any caller (strategy, job, REST, Telegram) hands to `OrdersService.submit`.
 * Units, not lots; prices in rupees; estimates in paise (0 when unknown).
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
  /** The position this order acts on (exits, adjustments, the second leg of a strangle entry). */
  readonly positionId?: number;
  readonly strategyType?: string;
  readonly approval?: OrderApproval;
  readonly estimatedMarginPaise?: number;
  readonly estimatedRiskPaise?: number;
  readonly estimatedExposurePaise?: number;
  /** A caller's idempotency key (e.g. a job id): the same key never makes a second order. */
  readonly idempotencyKey?: string;
  readonly product?: 'NRML' | 'MIS';
}

/** The outcome of a submit: the journaled orders (one per slice) and the denial, if any. */
export interface SubmitResult {
  readonly intentId: string;
  /** True when the key had been seen: nothing new was journaled or sent. */
  readonly duplicate: boolean;
  readonly orderIds: readonly number[];
  readonly statuses: readonly string[];
  readonly positionId: number | null;
  readonly denial?: { readonly code: RiskDenialCode; readonly message: string; readonly context: Readonly<Record<string, string | number | boolean>> };
}
