import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ExpiriesResponse, MarketClockResponse, GlobalCuesResponse, HistoryResponse, QuotesResponse, VixResponse } from '@mcube/contracts';
import type { Response } from 'express';
import { sendCachedJson } from '../../../common/http/send-cached-json';
import { ExpiriesQueryDto, HistoryQueryDto, OptionChainQueryDto, QuotesQueryDto } from './dto/market-queries.dto';
import { MarketClockService } from './market-clock.service';
import { MarketService } from './market.service';

/** Market reads for every role: the market clock, quotes, option chain with analytics, history, VIX, global cues, expiries. */
@ApiTags('market')
@Controller('market')
export class MarketController {
  constructor(
    private readonly market: MarketService,
    private readonly clock: MarketClockService,
  ) {}

  /** The market clock (simulator or replay time, not the wall clock) with the session state. */
  @Get('clock')
  marketClock(): MarketClockResponse {
    return this.clock.reading();
  }

  @Get('quotes')
  quotes(@Query() q: QuotesQueryDto): Promise<QuotesResponse> {
    return this.market.quotes(q.symbols.split(','));
  }

  /** An `OptionChainResponse`, priced once per tick and serialized once per priced chain (the body is ~100 KB). */
  @Get('option-chain')
  async optionChain(@Query() q: OptionChainQueryDto, @Res() res: Response): Promise<void> {
    sendCachedJson(res, await this.market.optionChain(q.underlying ?? 'NIFTY', q.expiry));
  }

  @Get('history')
  history(@Query() q: HistoryQueryDto): Promise<HistoryResponse> {
    return this.market.history(q);
  }

  @Get('vix')
  vix(): Promise<VixResponse> {
    return this.market.vix();
  }

  @Get('global-cues')
  globalCues(): Promise<GlobalCuesResponse> {
    return this.market.globalCues();
  }

  @Get('expiries')
  expiries(@Query() q: ExpiriesQueryDto): ExpiriesResponse {
    return this.market.expiries(q.underlying ?? 'NIFTY');
  }
}
