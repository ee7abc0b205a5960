import { breakerVerdict, istDateTimeOf, riskPnlFacts, type BreakerReasonCode, type Clock, type EffectiveRiskLimits, type IsoDate } from '@mcube/domain';
import type { BacktestGateway } from '../execution/backtest-gateway';
import type { PositionBook } from '../execution/position-book';
import type { BacktestAccount } from '../execution/risk-context-builder';
import type { EngineMarket } from '../market/backtest-market';

/** A breaker trip or an (assumed) re-activation. */
export interface BreakerEvent {
  readonly date: IsoDate;
  readonly time: string;
  readonly kind: 'TRIP' | 'RESET';
  readonly reasonCode?: BreakerReasonCode;
  readonly reason: string;
  readonly context?: Readonly<Record<string, unknown>>;
  readonly positionId?: string;
}

const NO_CHARGES = { brokeragePaise: 0, sttPaise: 0, exchangePaise: 0, sebiPaise: 0, stampPaise: 0, gstPaise: 0, totalPaise: 0 };

/**
 * The circuit breaker of a backtest, as the API's `risk.circuit-breakers` job: each tick the
 * domain's `breakerVerdict` on `riskPnlFacts` (day rows + the marked active position); a trip
 * is recorded, deactivates the account and closes every open leg THROUGH THE GATEWAY (buy back
 * at the ask, re-sent each tick until flat: reducing orders pass the tripped breaker). Only a
 * person re-activates: `NEXT_DAY` assumes they do at the next open. Also settles, at the
 * close of its expiry day, a leg that is somehow still open (never expected: the strategy
 * closes at 15:15), at intrinsic value from the official close.
 */
export class BreakerWatch {
  readonly events: BreakerEvent[] = [];

  constructor(
    private readonly deps: {
      readonly book: PositionBook;
      readonly account: BacktestAccount;
      readonly limits: EffectiveRiskLimits;
      readonly gateway: BacktestGateway;
      readonly market: EngineMarket;
      readonly clock: Clock;
      readonly reset: 'NEXT_DAY' | 'NEVER';
      readonly exitReasons: Map<string, string>;
    },
  ) {}

  private at(): { date: IsoDate; time: string } {
    const { date, time } = istDateTimeOf(this.deps.clock.nowMs());
    return { date, time: time.slice(0, 5) };
  }

  onDayOpen(_nowMs: number): void {
    const { account, reset } = this.deps;
    if (!account.breakerTripped || reset !== 'NEXT_DAY') return;
    account.breakerTripped = false;
    account.active = true;
    this.events.push({ ...this.at(), kind: 'RESET', reason: 'assumed re-activated by a person at the next open' });
  }

  async check(date: IsoDate, strategyBusy: boolean): Promise<void> {
    const { book, account, limits } = this.deps;
    const active = book.active();
    const pnl = riskPnlFacts({ date, rows: book.riskRows(date), allocatedCapitalPaise: account.allocatedCapitalPaise, activePosition: active });
    const verdict = breakerVerdict({ pnl, limits: limits.loss });
    if (verdict.trip && !account.breakerTripped && verdict.reasonCode) {
      account.breakerTripped = true;
      account.active = false;
      this.events.push({ ...this.at(), kind: 'TRIP', reasonCode: verdict.reasonCode, reason: verdict.reason, context: verdict.context, positionId: active?.positionId });
      if (active && !this.deps.exitReasons.has(active.positionId)) this.deps.exitReasons.set(active.positionId, `CIRCUIT_BREAKER:${verdict.reasonCode}`);
    }
    if (account.breakerTripped && active && !strategyBusy && !this.deps.gateway.hasLiveOrders(active.positionId)) await this.exitAll(active.positionId);
  }

  private async exitAll(positionId: string): Promise<void> {
    const position = this.deps.book.get(positionId);
    for (const leg of position?.legs ?? []) {
      if (leg.quantity <= 0) continue;
      const quote = await this.deps.market.quote(leg.instrument).catch(() => undefined);
      const side = leg.side === 'SELL' ? 'BUY' : 'SELL';
      const price = side === 'BUY' ? quote?.ask : quote?.bid;
      if (price === undefined || !(price > 0)) continue; // no touch: re-sent on the next tick
      await this.deps.gateway.submit({
        segment: leg.instrument.kind === 'FUT' ? 'NFO-FUT' : 'NFO-OPT',
        instrument: leg.instrument,
        side,
        quantity: leg.quantity,
        orderType: 'LIMIT',
        limitPrice: price,
        purpose: 'EXIT',
        strategyPositionId: positionId,
      });
    }
  }

  /** Settles legs expiring `date` still open after the close at intrinsic value (recorded as an anomaly). */
  settleExpiry(date: IsoDate, spot: number): void {
    const { book } = this.deps;
    const active = book.active();
    if (!active) return;
    for (const leg of active.legs) {
      if (leg.quantity <= 0 || leg.instrument.expiry !== date || leg.instrument.kind !== 'OPT') continue;
      const strike = leg.instrument.strike ?? 0;
      const intrinsic = Math.max(0, leg.instrument.optionType === 'CE' ? spot - strike : strike - spot);
      book.applyFill({ positionId: active.positionId, clientOrderId: 'EXPIRY', tradeId: `EXPIRY-${active.positionId}-${leg.legKey}`, instrument: leg.instrument, side: leg.side === 'SELL' ? 'BUY' : 'SELL', purpose: 'EXIT', quantity: leg.quantity, price: Math.round(intrinsic * 100) / 100, charges: NO_CHARGES, occurredAtMs: this.deps.clock.nowMs(), priceSource: 'REAL' });
      book.anomalies.push(`${date}: ${leg.legKey} was still open at its expiry's close: settled at intrinsic ${intrinsic.toFixed(2)} from the official close, outside the paper book`);
      if (!this.deps.exitReasons.has(active.positionId)) this.deps.exitReasons.set(active.positionId, 'EXPIRY_SETTLEMENT');
    }
  }
}
