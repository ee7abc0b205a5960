import { DestroyRef, effect, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AlertResponse, WsEventMap, WsEventName } from '@mcube/contracts';
import { LiveSocketService } from '../../core/live/live-socket.service';
import { PositionsApi } from '../../core/positions/positions.api';
import { MarketClockService } from '../../core/time/market-clock.service';
import { withPositionUpdate, type PositionRow } from '../../shared/positions/position-rows';
import { asyncResource } from '../../shared/ui/async-resource';
import { DashboardApi, type KillSwitchResult } from './dashboard.api';
import { withRiskState, withSummary, withTradingStates } from './live/account-summaries';
import { withAlert, withDecision } from './live/feed';

/**
 * The dashboard's state: loaded once over REST, then kept current by the live socket (while
 * it is down the status store polls REST and replays the answers as events). Provided by the dashboard page, so it lives and unsubscribes with it.
 */
@Injectable()
export class DashboardStore {
  private readonly api = inject(DashboardApi);
  private readonly positionsApi = inject(PositionsApi);
  private readonly live = inject(LiveSocketService);

  private readonly clock = inject(MarketClockService);

  /** The IST trading day the timeline shows: the MARKET clock's date (the simulator's may be days from the browser's), null until read. */
  readonly todayIst = signal<string | null>(null);
  readonly summaries = asyncResource(() => this.api.summaries());
  readonly alerts = asyncResource(() => this.api.alerts());
  readonly decisions = asyncResource(async () => {
    const date = this.clock.istDate() ?? (await this.clock.ready()).istDate;
    this.todayIst.set(date);
    return this.api.decisions(date);
  });
  readonly positions = asyncResource<PositionRow[]>(() => this.positionsApi.list());

  constructor() {
    const destroyRef = inject(DestroyRef);
    const on = <E extends WsEventName>(event: E, apply: (data: WsEventMap[E]) => void) =>
      this.live.on(event).pipe(takeUntilDestroyed(destroyRef)).subscribe(apply);
    // An event before its list has loaded is dropped: the list, when it arrives, already holds it.
    on('account.summary', (s) => this.summaries.value.update((l) => l && withSummary(l, s)));
    on('risk.state', (e) => this.summaries.value.update((l) => l && withRiskState(l, e)));
    on('alert.raised', (a) => this.alerts.value.update((l) => l && withAlert(l, a)));
    on('decision.recorded', (d) => this.decisions.value.update((l) => l && this.todayIst() !== null ? withDecision(l, d, this.todayIst() as string) : l));
    on('position.updated', (e) => this.positions.value.update((l) => l && withPositionUpdate(l, e)));
    // The market day turned (the simulator ran past midnight IST): the timeline shows the new day.
    effect(() => {
      const date = this.clock.istDate();
      const shown = this.todayIst();
      if (date !== null && shown !== null && date !== shown && !this.decisions.loading()) void this.decisions.reload();
    });
  }

  /** Applies the kill switch's answer at once (the `risk.state` events confirm it). */
  applyKillSwitch(result: KillSwitchResult): void {
    this.summaries.value.update((l) => l && withTradingStates(l, result));
  }

  /** Replaces an alert after it was acknowledged. */
  applyAlert(a: AlertResponse): void {
    this.alerts.value.update((l) => l && withAlert(l, a));
  }
}
