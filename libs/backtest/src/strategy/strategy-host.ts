import type { AlertMessage, Clock, MarketDataPort, NseCalendar, OrderStatus, Paise, StrategyEntryCommand, StrategyOrderCommand } from '@mcube/domain';
import type { MarketHistory } from '../data/market-history';

/** The gateway's answer to one order (the API gateway's shape). */
export interface EngineSubmitResult {
  readonly clientOrderId: string;
  readonly status: 'ACCEPTED' | 'DENIED' | 'REJECTED' | 'UNKNOWN';
  readonly denial?: { readonly code: string; readonly message: string };
}

/** An order as the gateway reports it. */
export interface EngineOrderState {
  readonly clientOrderId: string;
  readonly status: OrderStatus;
  readonly filledQuantity: number;
  readonly averagePrice?: number;
  readonly reason?: string;
}

/** The one way a strategy trades in a backtest (risk checks, slicing, paper fills). */
export interface EngineOrderPort {
  submit(command: StrategyOrderCommand): Promise<EngineSubmitResult>;
  /** The legs of one entry as ONE command (checked as a whole; a leg the broker rejects withdraws the rest). */
  submitEntry(entry: StrategyEntryCommand): Promise<EngineSubmitResult[]>;
  /** What `submitEntry` answered for the entry of `positionId`, or null. */
  findEntry(positionId: string): Promise<EngineSubmitResult[] | null>;
  orderStatus(clientOrderId: string): Promise<EngineOrderState>;
  cancel(clientOrderId: string): Promise<void>;
}

/** The account's open option position as a strategy reads it (signed quantities, rupee averages). */
export interface EnginePosition {
  readonly positionId: string;
  readonly accountId: string;
  readonly underlying: string;
  readonly expiry: string;
  readonly legs: readonly { readonly optionType: 'CE' | 'PE'; readonly strike: number; readonly quantity: number; readonly averagePrice: number }[];
  readonly openedAtMs: number;
}

/** Positions and margin as a strategy reads them. */
export interface EnginePositionView {
  activePosition(accountId: string): Promise<EnginePosition | null>;
  margin(accountId: string): Promise<{ readonly availablePaise: Paise; readonly inUsePaise: Paise }>;
}

/** One journalled decision (the strategy library's `DecisionRecord` shape). */
export interface EngineDecision {
  readonly kind: string;
  readonly accountId: string;
  readonly positionId?: string;
  readonly decision: string;
  readonly reasonCode: string;
  readonly message: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly occurredAt: number;
}

/** Everything the engine gives a strategy: the same ports the API gives it. */
export interface StrategyHost {
  readonly market: MarketDataPort;
  readonly orders: EngineOrderPort;
  readonly positions: EnginePositionView;
  readonly journal: { record(entry: EngineDecision): Promise<void> };
  readonly alerts: { raise(message: AlertMessage): Promise<void> };
  readonly clock: Clock;
  readonly calendar: NseCalendar;
  /**
   * The raw history as known at the run's end. A strategy must read the market port; this is
   * here so a test can build a variant that peeks ahead (the look-ahead check must catch it).
   */
  readonly history: MarketHistory;
}

/** A strategy the engine drives: ticked at every decision time. */
export interface BacktestStrategy {
  readonly name: string;
  /** The strategy's resolved parameters, as the report lists them. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The account it trades. */
  readonly accountId: string;
  tick(nowMs: number): Promise<void>;
  /** One of its orders filled or ended (pushed after the match pass, as the API pushes `order.updated`). */
  orderUpdated?(clientOrderId: string, nowMs: number): Promise<unknown>;
  /** True while the strategy's own orders (an entry or a close) are working. */
  readonly busy: boolean;
}

/** Builds a strategy on a host. */
export type StrategyFactory = (host: StrategyHost) => BacktestStrategy;
