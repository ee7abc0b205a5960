import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { AccountResponse, FuturesEvaluationResponse, FuturesScreenResponse } from '@mcube/contracts';
import { AccountsApi } from '../../core/accounts/accounts.api';
import { messageOf } from '../../core/api/api-error';
import { Notifier } from '../../core/notify/notifier.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { planRows, stepsLine, type PlanRow } from './evaluation-steps';
import { ScreenerApi } from './screener.api';

type Evaluation = FuturesScreenResponse['evaluation'];

/** The ICICI futures screener: today's candidates with their score breakdown, OI, sector and technicals, and why every other member was dropped; "screen now" without trading. */
@Component({
  selector: 'mc-screener-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DecimalPipe, LoadStateComponent],
  template: `
    <div class="d-flex flex-wrap align-items-center gap-2 mb-3">
      <h1 class="h3 mb-0 me-auto">Screener</h1>
      <button type="button" class="btn btn-sm btn-outline-primary" [disabled]="!icici() || busy()" (click)="screenNow()">What would it do now?</button>
      <button type="button" class="btn btn-sm btn-outline-secondary" (click)="screens.reload()">Refresh</button>
    </div>
    <p class="small text-secondary">The ICICI futures screen (09:30 and every 30 minutes to 11:30 IST): the top-50 liquid F&amp;O stocks and the index futures; a candidate needs its OI signal, all of its sector's 3/7/21-session moves on its side, and a score of at least the minimum. A passing candidate is validated and then waits for a person on the Approvals page.</p>
    <mc-load-state [loading]="screens.loading()" [error]="screens.error()" what="screens" (retry)="screens.reload()" />
    @if (shown(); as ev) {
      <div class="mb-2 small" data-testid="screen-summary">
        <strong>{{ ev.date }} {{ ev.time }}</strong> · {{ ev.decision }} · {{ ev.reason }}
        @if (ev.screen) { · universe {{ ev.screen.universe.length }}, last session {{ ev.screen.lastSession }} }
        @if (live()) { <span class="badge text-bg-info ms-1">now, not journalled</span> }
      </div>
      @if (live() ? now() : null; as n) {
        <div class="mb-2 small" data-testid="now-steps">{{ steps(n) }}</div>
        @if (n.plans.length > 0) {
          <h2 class="h5 mt-3">Plans</h2>
          <div tabindex="0" role="region" aria-label="Trade plans" class="table-responsive">
            <table class="table table-sm small align-middle" data-testid="plans">
              <thead><tr><th>Contract</th><th>Side</th><th>Entry</th><th>Stop</th><th>Target</th><th>R:R</th><th>Lots (qty)</th><th>Risk ₹</th><th>Outcome</th></tr></thead>
              <tbody>
                @for (r of plans(n); track r.key) {
                  <tr>
                    <td>{{ r.contract }}</td><td>{{ r.side }}</td><td>{{ r.entry | number: '1.2-2' }}</td><td>{{ r.stop | number: '1.2-2' }}</td><td>{{ r.target | number: '1.2-2' }}</td>
                    <td>{{ r.riskReward | number: '1.2-2' }}</td><td>{{ r.lots }} ({{ r.quantity }})</td><td>{{ r.riskRupees | number: '1.0-0' }}</td><td class="text-break">{{ r.outcome }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
      <h2 class="h5 mt-3">Candidates</h2>
      <div tabindex="0" role="region" aria-label="Screened candidates" class="table-responsive">
        <table class="table table-sm small align-middle" data-testid="candidates">
          <thead><tr><th>Underlying</th><th>Side</th><th>Score</th><th>Breakdown</th><th>OI Δ% / price Δ%</th><th>PCR</th><th>Sector 3/7/21d</th><th>RSI</th><th>Trend</th><th>ATR%</th></tr></thead>
          <tbody>
            @for (c of ev.screen?.candidates ?? []; track c.underlying) {
              <tr>
                <td>{{ c.underlying }}</td><td>{{ c.direction }}</td><td>{{ c.score.score | number: '1.0-1' }}</td><td class="text-secondary">{{ breakdown(c.score.components) }}</td>
                <td>{{ c.openInterest.oiChangePct | number: '1.1-1' }} / {{ c.openInterest.priceChangePct | number: '1.2-2' }}</td><td>{{ c.openInterest.pcr === null ? 'n/a' : (c.openInterest.pcr | number: '1.2-2') }}</td>
                <td>{{ c.sector.index }} {{ c.sector.perf3d | number: '1.1-1' }}/{{ c.sector.perf7d | number: '1.1-1' }}/{{ c.sector.perf21d | number: '1.1-1' }}</td>
                <td>{{ c.technicals.rsi | number: '1.0-0' }}</td><td>{{ c.technicals.emaTrend }}</td><td>{{ c.technicals.atrPct | number: '1.2-2' }}</td>
              </tr>
            } @empty {
              <tr><td colspan="10" class="text-secondary">No candidate in this screen.</td></tr>
            }
          </tbody>
        </table>
      </div>
      <h2 class="h5 mt-3">Dropped ({{ ev.screen?.dropped?.length ?? 0 }})</h2>
      <div tabindex="0" role="region" aria-label="Dropped underlyings" class="table-responsive">
        <table class="table table-sm small align-middle" data-testid="dropped">
          <thead><tr><th>Underlying</th><th>Why</th><th>Detail</th></tr></thead>
          <tbody>
            @for (d of ev.screen?.dropped ?? []; track d.underlying) {
              <tr><td>{{ d.underlying }}</td><td><code>{{ d.code }}</code></td><td class="text-break">{{ d.reason }}</td></tr>
            }
          </tbody>
        </table>
      </div>
    } @else if (!screens.loading()) {
      <p class="text-secondary small">No screen stored yet: the first runs at 09:30 IST on a trading day.</p>
    }
    @if ((screens.value() ?? []).length > 1) {
      <h2 class="h5 mt-3">Earlier screens</h2>
      <ul class="small">
        @for (s of screens.value() ?? []; track s.id) {
          <li><button type="button" class="btn btn-link btn-sm p-0" (click)="pick(s)">{{ s.occurredAtMs | date: 'dd MMM HH:mm' : '+0530' }}</button> — {{ s.decision }} ({{ s.reasonCode }})</li>
        }
      </ul>
    }
  `,
})
export class ScreenerPage {
  private readonly api = inject(ScreenerApi);
  private readonly accountsApi = inject(AccountsApi);
  private readonly notifier = inject(Notifier);
  /** The accounts, read once with the screens (the ICICI one is screened). */
  private readonly accounts = signal<readonly AccountResponse[] | null>(null);
  protected readonly icici = computed(() => this.accounts()?.find((a) => a.broker === 'ICICI') ?? null);
  protected readonly screens = asyncResource(async () => {
    const accounts = await this.accountsApi.list();
    this.accounts.set(accounts);
    const account = accounts.find((a) => a.broker === 'ICICI');
    return account ? this.api.screens(account.id) : [];
  });
  private readonly picked = signal<Evaluation | null>(null);
  /** The last "what would it do now" answer, with its steps the stored screens do not keep. */
  protected readonly now = signal<FuturesEvaluationResponse | null>(null);
  protected readonly live = signal(false);
  protected readonly busy = signal(false);
  protected readonly shown = computed<Evaluation | null>(() => this.picked() ?? this.screens.value()?.[0]?.evaluation ?? null);

  protected plans(ev: FuturesEvaluationResponse): PlanRow[] {
    return planRows(ev.plans);
  }

  protected steps(ev: FuturesEvaluationResponse): string {
    return stepsLine(ev);
  }

  protected breakdown(c: Record<string, number>): string {
    return Object.entries(c).map(([k, v]) => `${k} ${Math.round(v * 10) / 10}`).join(', ');
  }

  protected pick(s: FuturesScreenResponse): void {
    this.live.set(false);
    this.picked.set(s.evaluation);
  }

  protected async screenNow(): Promise<void> {
    const account = this.icici();
    if (!account) return;
    this.busy.set(true);
    try {
      const evaluation = await this.api.evaluateNow(account.id);
      this.now.set(evaluation);
      this.picked.set(evaluation);
      this.live.set(true);
    } catch (err) {
      this.notifier.error(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
