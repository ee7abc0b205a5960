import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, OnInit, signal, untracked } from '@angular/core';
import type { PositionLegResponse } from '@mcube/contracts';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NgbModal } from '@ng-bootstrap/ng-bootstrap';
import { AuthService } from '../../core/auth/auth.service';
import { LiveSocketService } from '../../core/live/live-socket.service';
import { Notifier } from '../../core/notify/notifier.service';
import { PositionsApi } from '../../core/positions/positions.api';
import { provideCharts } from '../../shared/charts/provide-charts';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { ReasonModalComponent } from '../../shared/ui/reason-modal.component';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';
import { LegsTableComponent } from './legs-table.component';
import { legsNowFlat } from './live/leg-exit';
import { withDetailUpdate, withMark } from './live/position-detail';
import { PayoffChartComponent } from './payoff-chart.component';
import { PnlHistoryChartComponent } from './pnl-history-chart.component';
import { PositionRiskComponent } from './position-risk.component';
import { IndianPipe } from '../../shared/ui/indian.pipe';

/** How often live marks also re-read the detail (greeks and risk figures are computed by the API). */
const DETAIL_REFRESH_MS = 15_000;

/**
 * One position: P&L first, its risk figures (max profit/loss, probability, greeks in ₹, target
 * and stop progress, next exit rule), legs with greeks, P&L history, payoff diagram, and the
 * manual exit (trader/admin) of the whole position or of one leg. Live marks update P&L and prices
 * at once and re-read the greeks and figures at most every 15 s; while a leg exit sent from here
 * is on its way, every event about the position's orders re-reads the detail, until that leg is flat.
 */
@Component({
  selector: 'mc-position-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideCharts()],
  imports: [DatePipe, DecimalPipe, IndianPipe, RouterLink, LoadStateComponent, RupeesPipe, LegsTableComponent, PayoffChartComponent, PnlHistoryChartComponent, PositionRiskComponent],
  templateUrl: './position-detail.page.html',
})
export class PositionDetailPage implements OnInit {
  private readonly api = inject(PositionsApi);
  private readonly modals = inject(NgbModal);
  private readonly notifier = inject(Notifier);
  protected readonly auth = inject(AuthService);
  /** The route's `:id` (component input binding). */
  readonly id = input.required<string>();
  private readonly positionId = computed(() => Number(this.id()));
  protected readonly position = asyncResource(() => this.api.get(this.positionId()), { immediate: false });
  protected readonly marks = asyncResource(() => this.api.marks(this.positionId()), { immediate: false });
  /** When the "today" payoff is priced: the page load, then each live mark. */
  protected readonly pricedAtMs = signal(Date.now());
  /** Market time of the last live re-read of the detail. */
  private refreshedAtMs = 0;
  /** Legs whose exit this page sent, followed until flat. */
  protected readonly followingLegs = signal<ReadonlySet<number>>(new Set());
  protected readonly netPaise = computed(() => {
    const p = this.position.value();
    return p ? p.realizedPnlPaise + p.unrealizedPnlPaise : null;
  });

  constructor() {
    inject(LiveSocketService)
      .on('position.updated')
      .pipe(takeUntilDestroyed())
      .subscribe((e) => {
        if (e.positionId !== this.positionId()) return;
        this.position.value.update((p) => p && withDetailUpdate(p, e));
        this.marks.value.update((m) => m && withMark(m, e, this.position.value()?.spot ?? null));
        this.pricedAtMs.set(e.atMs);
        if (e.atMs - this.refreshedAtMs >= DETAIL_REFRESH_MS || e.status === 'CLOSED') {
          this.refreshedAtMs = e.atMs;
          void this.position.reload();
        }
      });
    // A followed leg's exit order moved (accepted, filled, re-sent): re-read the legs' exit states.
    inject(LiveSocketService)
      .on('order.updated')
      .pipe(takeUntilDestroyed())
      .subscribe((e) => {
        if (e.positionId === this.positionId() && this.followingLegs().size > 0) void this.position.reload();
      });
    // A followed leg is flat: say so once and stop following it.
    effect(() => {
      const p = this.position.value();
      const following = this.followingLegs();
      if (!p || following.size === 0) return;
      const flat = legsNowFlat(p, following);
      if (flat.length === 0) return;
      untracked(() => {
        this.followingLegs.set(new Set([...following].filter((id) => !flat.some((l) => l.id === id))));
        for (const l of flat) this.notifier.success(`${l.name} is flat.`);
      });
    });
  }

  ngOnInit(): void {
    void this.position.reload();
    void this.marks.reload();
  }

  /** One leg out, after a reason: one EXIT order for its open units through the gateway; the page then follows it until flat. */
  protected exitLeg(leg: PositionLegResponse): void {
    const ref = this.modals.open(ReasonModalComponent, { backdrop: 'static', ariaLabelledBy: 'reason-modal-title' });
    (ref.componentInstance as ReasonModalComponent).config.set({
      title: `Exit ${leg.name}`,
      body: `Closes this leg only (${leg.side === 'SELL' ? 'buys back' : 'sells'} ${leg.quantity} units) with one EXIT order through the order gateway (risk checks apply). The other legs stay open: a short leg left without its pair is naked. This cannot be undone.`,
      confirmLabel: 'Exit this leg',
      confirmTestId: 'leg-exit-confirm',
      reasonTestId: 'leg-exit-reason',
      action: async (reason) => {
        const result = await this.api.exitLeg(this.positionId(), leg.id, reason);
        this.followingLegs.update((s) => new Set([...s, result.legId]));
        this.notifier.success(`Exit sent for ${leg.name}: ${result.exit.statuses.join(', ') || 'sent'}.`);
      },
    });
    ref.result.then(
      () => void this.position.reload(),
      () => undefined, // dismissed: nothing sent
    );
  }

  protected exit(): void {
    const ref = this.modals.open(ReasonModalComponent, { backdrop: 'static', ariaLabelledBy: 'reason-modal-title' });
    (ref.componentInstance as ReasonModalComponent).config.set({
      title: `Exit position #${this.positionId()}`,
      body: 'Every open leg is closed with an EXIT order through the order gateway (risk checks apply). This cannot be undone.',
      confirmLabel: 'Exit now',
      confirmTestId: 'position-exit-confirm',
      reasonTestId: 'position-exit-reason',
      action: async (reason) => {
        const result = await this.api.exit(this.positionId(), reason);
        this.notifier.success(`Exit sent for position #${result.positionId}: ${result.exits.length} order(s).`);
      },
    });
    ref.result.then(
      () => void this.position.reload(),
      () => undefined, // dismissed: nothing sent
    );
  }
}
