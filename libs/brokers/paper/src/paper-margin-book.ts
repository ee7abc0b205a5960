import { formatPaise, type BrokerInstrument, type IsoDate, type MarketDataPort, type MarketQuote, type OrderSide, type Paise } from '@mcube/domain';
import type { ResolvedPaperConfig } from './paper-broker.config';
import { paperError } from './paper-broker-error';
import type { PaperBookState } from './paper-book-state';
import { exposureMarginPaise, growingQuantity } from './paper-margin';
import { averageOpenPrice, positionKeyOf } from './paper-position';

/** The part of an order its margin depends on. */
export interface MarginOrder {
  readonly instrument: BrokerInstrument;
  readonly side: OrderSide;
  readonly quantity: number;
  readonly filledQuantity: number;
  readonly limitPrice: number;
  readonly product: 'NRML' | 'MIS';
}

/**
 * Margin of a paper account over its book, with the approximation of `paper-margin.ts`.
 * Spots of underlyings come from the latest quotes, refreshed from the market-data port when
 * asked (a failed refresh keeps the last known spot; with none, a short option's strike is used).
 */
export class PaperMarginBook {
  constructor(
    private readonly ctx: {
      readonly book: PaperBookState;
      readonly config: ResolvedPaperConfig;
      readonly marketData: MarketDataPort;
      readonly latestQuotes: Map<string, MarketQuote>;
    },
  ) {}

  /** Capital + realised P&L − charges − `usedPaise` (may be negative after losses). */
  freePaise(usedPaise: Paise): Paise {
    return this.ctx.config.capitalPaise + this.ctx.book.netRealisedPaise() - usedPaise;
  }

  /** Margin blocked now by open positions and by the growing part of live orders. */
  async blockedPaise(today: IsoDate, opts: { refreshSpots: boolean }): Promise<Paise> {
    const { book } = this.ctx;
    if (opts.refreshSpots) await this.refreshSpots(this.shortOptionUnderlyings());
    let sum = 0;
    for (const p of book.openPositions()) {
      sum += this.exposure(p.instrument, p.netQuantity, averageOpenPrice(p), today);
    }
    for (const o of book.liveOrders()) sum += await this.orderMarginPaise(o, today, { refreshSpots: false });
    return sum;
  }

  /** Margin the unfilled rest of `order` adds: only the part that would grow its position. */
  async orderMarginPaise(order: MarginOrder, today: IsoDate, opts: { refreshSpots: boolean }): Promise<Paise> {
    if (opts.refreshSpots && order.instrument.kind === 'OPT' && order.side === 'SELL') await this.refreshSpots([order.instrument.underlying]);
    const net = this.ctx.book.position(positionKeyOf(order.instrument, order.product))?.netQuantity ?? 0;
    const rest = order.quantity - order.filledQuantity;
    const growing = growingQuantity(net, order.side === 'BUY' ? rest : -rest);
    return this.exposure(order.instrument, growing, order.limitPrice, today);
  }

  /**
   * Throws BrokerError INSUFFICIENT_FUNDS when `order` would block more margin than is free
   * (an order that only reduces a position always passes).
   */
  async assertAffordable(order: MarginOrder, today: IsoDate): Promise<void> {
    const extra = await this.orderMarginPaise(order, today, { refreshSpots: true });
    if (extra === 0) return;
    const free = this.freePaise(await this.blockedPaise(today, { refreshSpots: true }));
    if (extra > free) {
      throw paperError('INSUFFICIENT_FUNDS', `order needs ${formatPaise(extra)} margin, ${formatPaise(Math.max(0, free))} available`, { brokerCode: 'RMS_MARGIN' });
    }
  }

  private exposure(instrument: BrokerInstrument, quantity: number, price: number, today: IsoDate): Paise {
    const spotQuote = this.ctx.latestQuotes.get(this.ctx.config.spotSymbolOf(instrument.underlying));
    const spot = spotQuote && Number.isFinite(spotQuote.lastPrice) && spotQuote.lastPrice > 0 ? spotQuote.lastPrice : undefined;
    return exposureMarginPaise({ instrument, quantity, price, spot, isExpiryDay: instrument.expiry === today }, this.ctx.config.margin);
  }

  private shortOptionUnderlyings(): string[] {
    const { book } = this.ctx;
    const short = book.openPositions().filter((p) => p.instrument.kind === 'OPT' && p.netQuantity < 0);
    const selling = book.liveOrders().filter((o) => o.instrument.kind === 'OPT' && o.side === 'SELL');
    return [...new Set([...short, ...selling].map((x) => x.instrument.underlying))];
  }

  private async refreshSpots(underlyings: readonly string[]): Promise<void> {
    for (const underlying of underlyings) {
      const symbol = this.ctx.config.spotSymbolOf(underlying);
      try {
        this.ctx.latestQuotes.set(symbol, await this.ctx.marketData.quote(symbol));
      } catch {
        // Keep the last known spot: margin is an approximation and must not block on a feed hiccup.
      }
    }
  }
}
