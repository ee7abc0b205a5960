import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { filter } from 'rxjs';
import { LiveSocketService } from '../../core/live/live-socket.service';
import { PositionsApi } from '../../core/positions/positions.api';
import { IndianPipe } from '../../shared/ui/indian.pipe';
import { inLakh } from '../../shared/ui/indian-number';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { STRIKE_WINDOWS, windowChain } from './chain-window';
import { MarketApi, NIFTY_SPOT_SYMBOL } from './market.api';
import { OiChartComponent } from './oi-chart.component';
import { OptionChainTableComponent } from './option-chain-table.component';

/**
 * NIFTY option chain around spot for one expiry: ATM IV and its percentile, straddle and
 * expected move, the future and its basis, PCR and max pain; the chain (ITM shaded, the
 * account's open strikes marked and kept inside the window, OI in lakh) and an OI-by-strike
 * chart with spot. Spot follows `market.tick`; each `market.chain` of the shown expiry
 * refetches the chain once.
 */
@Component({
  selector: 'mc-market-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DecimalPipe, FormsModule, IndianPipe, LoadStateComponent, OiChartComponent, OptionChainTableComponent],
  templateUrl: './market.page.html',
})
export class MarketPage {
  private readonly api = inject(MarketApi);
  private readonly positionsApi = inject(PositionsApi);
  protected readonly lakh = inLakh;
  protected readonly windows = STRIKE_WINDOWS;
  protected readonly each = signal<number>(10);
  protected readonly expiry = signal<string | null>(null);
  /** The latest NIFTY tick (null until one arrives: the chain's own spot is shown then). */
  protected readonly tick = signal<{ lastPrice: number; change: number | null; asOfMs: number } | null>(null);

  // The chain waits for the expiry list: its default is the nearest listed weekly.
  protected readonly expiries = asyncResource(async () => {
    const e = await this.api.expiries();
    if (!this.expiry() && e.weekly.length > 0) this.expiry.set(e.weekly[0]);
    void this.chain.reload();
    return e;
  });
  protected readonly monthly = computed(() => new Set(this.expiries.value()?.monthly ?? []));
  protected readonly chain = asyncResource(async () => {
    const expiry = this.expiry();
    return expiry ? this.api.optionChain(expiry) : null;
  }, { immediate: false });

  protected readonly spot = computed(() => this.tick()?.lastPrice ?? this.chain.value()?.spot ?? null);
  /** Strikes of the open legs of active positions ('26000|PE'), of any expiry: filtered to the shown one below. */
  private readonly openLegs = asyncResource(async () => {
    const active = (await this.positionsApi.list()).filter((p) => p.status === 'ACTIVE');
    const details = await Promise.all(active.map((p) => this.positionsApi.get(p.id)));
    return details.flatMap((d) => d.legs.filter((l) => l.status === 'OPEN' && l.strike !== null && l.optionType !== null).map((l) => ({ expiry: l.expiryDate, strike: l.strike as number, type: l.optionType as string })));
  });
  protected readonly own = computed(() => new Set((this.openLegs.value() ?? []).filter((l) => l.expiry === this.expiry()).map((l) => `${l.strike}|${l.type}`)));
  private readonly ownStrikes = computed(() => [...this.own()].map((k) => Number(k.split('|')[0])));
  protected readonly window = computed(() => windowChain(this.chain.value()?.rows ?? [], this.spot(), this.each(), this.ownStrikes()));

  constructor() {
    const live = inject(LiveSocketService);
    live
      .on('market.tick')
      .pipe(
        filter((t) => t.symbol === NIFTY_SPOT_SYMBOL),
        takeUntilDestroyed(),
      )
      .subscribe((t) => this.tick.set({ lastPrice: t.lastPrice, change: t.change, asOfMs: t.asOfMs }));
    live
      .on('market.chain')
      .pipe(
        filter((c) => c.underlying === 'NIFTY' && c.expiry === this.expiry()),
        takeUntilDestroyed(),
      )
      .subscribe(() => void this.chain.reload());
  }

  protected chooseExpiry(expiry: string): void {
    this.expiry.set(expiry);
    void this.chain.reload();
  }
}
