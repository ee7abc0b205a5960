import { Inject, Injectable, Optional } from '@nestjs/common';
import { orderFigures, orderInstrumentOf, spotQuoteSymbolOf, type CallerFigures, type ExecutionClient, type IsoDate, type MarketDataPort, type OrderCommand, type OrderStopModel, type PlaceOrderRequest } from '@mcube/domain';
import { MARKET_DATA } from '../data/source/market-data.tokens';
import { LiveMarketData } from './live/live-market-data.service';

/** One leg whose figures are wanted: the intent and the (protected) limit it is sent at. */
export interface FigureRequestLeg {
  readonly intent: OrderCommand;
  readonly intentId: string;
  readonly limitPrice: number;
}

/** What the gateway checks an order with, paise. */
export interface GatewayFigures {
  readonly marginPaise: number;
  readonly riskPaise: number;
  readonly exposurePaise: number;
  /** Set when no margin could be computed (no spot for a short option and no broker answer). */
  readonly marginUnknownReason?: string;
  /** Where the margin came from, for the denial context and the journal. */
  readonly marginSources: Readonly<Record<string, number>>;
  /** The spots read for this command, by underlying (a TEST_ORDER's "far out of the money" is measured from them). */
  readonly spots?: Readonly<Record<string, number>>;
}

/** The figures of an order that only reduces a position: it adds nothing. */
export const NO_FIGURES: GatewayFigures = Object.freeze({ marginPaise: 0, riskPaise: 0, exposurePaise: 0, marginSources: Object.freeze({}) });

/**
 * The gateway's own margin, per-trade risk and exposure of an order that opens or grows a
 * position (one leg, or every leg of an entry together): the domain's dated model
 * (`orderFigures`, spot from the market-data port: the account's broker feed while it trades
 * LIVE, `LiveMarketData`; the configured source otherwise), the broker's margin API when its client
 * has one (`checkMargin`; live brokers), and a caller's own figures; each check uses the
 * LARGEST, so neither a caller nor a failing broker can lower it. Without a spot for a short
 * option and without a broker answer the margin is unknown (the check refuses new risk).
 */
@Injectable()
export class OrderFiguresService {
  constructor(
    @Inject(MARKET_DATA) private readonly market: MarketDataPort,
    /** Routes a LIVE account's spot to its broker; absent in hand-built paper gateways (configured source only). */
    @Optional() private readonly live?: LiveMarketData,
  ) {}

  async figures(request: { client: ExecutionClient; accountId: number; legs: readonly FigureRequestLeg[]; date: IsoDate; stops: OrderStopModel; caller?: CallerFigures }): Promise<GatewayFigures> {
    const { legs, caller } = request;
    const spots = await this.spotsFor(this.marketOf(request.client, request.accountId), legs);
    const model = orderFigures({ legs: legs.map((l) => ({ instrument: l.intent.instrument, side: l.intent.side, quantity: l.intent.quantity, limitPrice: l.limitPrice })), date: request.date, spots, stops: request.stops });
    const brokerPaise = await this.brokerMargin(request.client, request.accountId, legs);
    const modelKnown = model.missingSpots.length === 0;
    const sources: Record<string, number> = {};
    if (modelKnown) sources['modelPaise'] = model.marginPaise;
    if (brokerPaise !== undefined) sources['brokerPaise'] = brokerPaise;
    if (caller?.marginPaise !== undefined) sources['callerPaise'] = caller.marginPaise;
    const known = modelKnown || brokerPaise !== undefined;
    return {
      marginPaise: Math.max(modelKnown ? model.marginPaise : 0, brokerPaise ?? 0, caller?.marginPaise ?? 0),
      riskPaise: Math.max(model.riskPaise, caller?.riskPaise ?? 0),
      exposurePaise: Math.max(model.exposurePaise, caller?.exposurePaise ?? 0),
      marginUnknownReason: known ? undefined : `no spot for ${model.missingSpots.join(', ')} and no margin from the broker`,
      marginSources: sources,
      spots,
    };
  }

  /** The account's broker feed while it trades LIVE (a failing broker quote is not replaced by the simulator's), else the configured source. */
  private marketOf(client: ExecutionClient, accountId: number): MarketDataPort {
    if (!this.live || (client.broker !== 'KOTAK' && client.broker !== 'ICICI')) return this.market;
    return this.live.forAccount(accountId, client.broker, this.market);
  }

  /** Spot of every underlying a short option leg (margin) or a TEST_ORDER (its distance from spot) needs; a failed quote leaves it out. */
  private async spotsFor(market: MarketDataPort, legs: readonly FigureRequestLeg[]): Promise<Record<string, number>> {
    const needed = [...new Set(legs.filter((l) => l.intent.instrument.kind === 'OPT' && (l.intent.side === 'SELL' || l.intent.purpose === 'TEST_ORDER')).map((l) => l.intent.instrument.underlying))];
    const spots: Record<string, number> = {};
    for (const underlying of needed) {
      const quote = await market.quote(spotQuoteSymbolOf(underlying)).catch(() => undefined);
      if (quote && Number.isFinite(quote.lastPrice) && quote.lastPrice > 0) spots[underlying] = quote.lastPrice;
    }
    return spots;
  }

  /** The broker's margin for these orders (live adapters; the paper broker answers with the same rough model), or undefined. */
  private async brokerMargin(client: ExecutionClient, accountId: number, legs: readonly FigureRequestLeg[]): Promise<number | undefined> {
    if (!client.checkMargin) return undefined;
    const requests: PlaceOrderRequest[] = legs.map((l) => ({
      clientOrderId: l.intentId,
      accountId: String(accountId),
      instrument: orderInstrumentOf(l.intent.instrument, l.intent.segment),
      side: l.intent.side,
      quantity: l.intent.quantity,
      limitPrice: l.limitPrice,
      product: l.intent.product ?? 'NRML',
      validity: 'DAY',
    }));
    const paise = await client.checkMargin(requests).catch(() => undefined);
    return typeof paise === 'number' && Number.isSafeInteger(paise) && paise >= 0 ? paise : undefined;
  }
}
