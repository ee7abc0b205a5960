import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { FuturesPositionResponse } from '@mcube/contracts';
import { LiveSocketService } from '../../core/live/live-socket.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';
import { FuturesPositionApi } from './futures-position.api';

/** Paise → rupees with two decimals (prices), '—' for none. */
const price = (paise: number | null) => (paise === null ? null : paise / 100);

/**
 * An ICICI futures position: entry, average, stop, target and P&L first; the exit rules still
 * ahead with the monitor's last decision; the entry's approval (score, validator verdict); every
 * averaging attempt with the person's decision and its order; and the orders. Re-read when the
 * position changes (live `position.updated`).
 */
@Component({
  selector: 'mc-futures-position-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DecimalPipe, RouterLink, LoadStateComponent, RupeesPipe],
  template: `
    <nav class="small mb-2"><a routerLink="/positions">Positions</a> / futures #{{ id() }}</nav>
    <mc-load-state [loading]="position.loading()" [error]="position.error()" what="the futures position" (retry)="position.reload()" />
    @if (position.value(); as p) {
      <div class="d-flex flex-wrap align-items-center gap-2 mb-3">
        <h1 class="h3 mb-0 me-auto">{{ p.underlying }} futures {{ p.expiry }}</h1>
        <span class="badge" [class.text-bg-success]="p.status === 'ACTIVE'" [class.text-bg-secondary]="p.status !== 'ACTIVE'" data-testid="futures-status">{{ p.status }}</span>
        @if (p.direction) { <span class="badge text-bg-light border">{{ p.direction }}</span> }
      </div>
      <div class="row g-2 mb-3" data-testid="futures-summary">
        <div class="col-6 col-md-3"><div class="border rounded p-2 h-100"><div class="small text-secondary">P&amp;L (realised + open)</div><div class="fs-5" [class.text-success]="net() > 0" [class.text-danger]="net() < 0">{{ net() | rupees }}</div><div class="small text-secondary">realised {{ p.realizedPnlPaise | rupees }} · open {{ p.unrealizedPnlPaise | rupees }}</div></div></div>
        <div class="col-6 col-md-3"><div class="border rounded p-2 h-100"><div class="small text-secondary">Entry / average</div><div class="fs-5">{{ rs(p.entryPricePaise) }} / {{ rs(p.averagePricePaise) }}</div><div class="small text-secondary">{{ p.quantity }} open{{ p.lotSize ? ' · lot ' + p.lotSize : '' }}</div></div></div>
        <div class="col-6 col-md-3"><div class="border rounded p-2 h-100"><div class="small text-secondary">Stop / target</div><div class="fs-5">{{ rs(p.stopLossPricePaise) }} / {{ rs(p.targetPricePaise) }}</div><div class="small text-secondary">last {{ rs(p.lastPricePaise) }}</div></div></div>
        <div class="col-6 col-md-3"><div class="border rounded p-2 h-100"><div class="small text-secondary">Averaging</div><div class="fs-5">{{ p.averagingCount }} done</div><div class="small text-secondary">{{ p.averagingAttempts.length }} asked</div></div></div>
      </div>
      <dl class="row small mb-3">
        <dt class="col-5 col-md-2">Opened</dt><dd class="col-7 col-md-4">{{ p.openedAtMs | date: 'dd MMM yyyy HH:mm' : '+0530' }} IST</dd>
        <dt class="col-5 col-md-2">Closed</dt><dd class="col-7 col-md-4">{{ p.closedAtMs ? (p.closedAtMs | date: 'dd MMM yyyy HH:mm' : '+0530') + ' IST' : '—' }}</dd>
        <dt class="col-5 col-md-2">Exit price</dt><dd class="col-7 col-md-4">{{ rs(p.exitPricePaise) }}</dd>
        <dt class="col-5 col-md-2">Exit reason</dt><dd class="col-7 col-md-4">{{ p.exitReason ?? '—' }}</dd>
      </dl>

      <h2 class="h5">Exit rules</h2>
      <ol class="small" data-testid="exit-rules">
        <li>Stop at {{ rs(p.exitRule.stopLossPricePaise) }} (0.5% from the average, re-set after averaging).</li>
        <li>Target at {{ rs(p.exitRule.targetPricePaise) }}.</li>
        <li>Each day at {{ p.exitRule.eodTime }} IST: exit only at ≥ {{ p.exitRule.eodMinProfitPct }}% of the target distance, else hold with a warning.</li>
        <li>{{ p.exitRule.preExpiryAction === 'ROLL' ? 'Roll' : 'Close' }} before the last trading days of the contract{{ p.exitRule.preExpiryFrom ? ' (from ' + p.exitRule.preExpiryFrom + ')' : '' }}.</li>
      </ol>
      @if (p.exitRule.latest; as l) {
        <p class="small" data-testid="exit-latest">Last monitor decision ({{ l.atMs | date: 'dd MMM HH:mm' : '+0530' }}): <code>{{ l.code }}</code> — {{ l.reason }}</p>
      }

      <h2 class="h5 mt-3">Entry approval</h2>
      @if (p.entryApproval; as a) {
        <div class="small mb-3" data-testid="entry-approval">
          <div>{{ a.summary }}</div>
          <div>{{ a.status }} by {{ a.decidedBy ?? '—' }}{{ a.decidedAtMs ? ' at ' + (a.decidedAtMs | date: 'dd MMM HH:mm' : '+0530') : '' }}</div>
          @if (score(p); as s) { <div>Screen score {{ s.score | number: '1.0-1' }} (minimum {{ s.minimum }})</div> }
          @if (a.validatorLabel) { <div>Validator: {{ a.validatorLabel }}{{ verdict(p) ? ' — ' + verdict(p) : '' }}</div> }
        </div>
      } @else {
        <p class="small text-secondary">No stored approval found for the entry.</p>
      }

      <h2 class="h5">Averaging attempts</h2>
      <div class="table-responsive" tabindex="0" role="region" aria-label="Averaging attempts">
        <table class="table table-sm small align-middle" data-testid="averaging-attempts">
          <thead><tr><th scope="col">Attempt</th><th scope="col">Request</th><th scope="col">Decision</th><th scope="col">Order</th></tr></thead>
          <tbody>
            @for (t of p.averagingAttempts; track t.approval.id) {
              <tr>
                <td>{{ t.attempt ?? '?' }}</td>
                <td class="text-break">{{ t.approval.summary }}</td>
                <td>{{ t.approval.status }}{{ t.approval.decidedBy ? ' by ' + t.approval.decidedBy : '' }}{{ t.approval.reason ? ': ' + t.approval.reason : '' }}</td>
                <td>{{ t.order ? t.order.status + ' ' + t.order.filledQuantity + ' @ ' + rs(t.order.avgFillPricePaise) : '—' }}</td>
              </tr>
            } @empty {
              <tr><td colspan="4" class="text-secondary">No averaging asked.</td></tr>
            }
          </tbody>
        </table>
      </div>

      <h2 class="h5">Orders</h2>
      <div class="table-responsive" tabindex="0" role="region" aria-label="Orders">
        <table class="table table-sm small align-middle" data-testid="futures-orders">
          <thead><tr><th scope="col">Order</th><th scope="col">Purpose</th><th scope="col">Side</th><th scope="col">Qty</th><th scope="col">Filled @</th><th scope="col">Status</th><th scope="col">Approved by</th></tr></thead>
          <tbody>
            @for (o of p.orders; track o.id) {
              <tr>
                <td><a [routerLink]="['/orders', o.id]">#{{ o.id }}</a></td><td>{{ o.purpose }}</td><td>{{ o.side }}</td><td>{{ o.quantity }}</td>
                <td>{{ o.filledQuantity }} @ {{ rs(o.avgFillPricePaise) }}</td><td>{{ o.status }}</td><td>{{ o.approvedBy ?? '—' }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class FuturesPositionPage implements OnInit {
  private readonly api = inject(FuturesPositionApi);
  /** The route's `:id` (component input binding). */
  readonly id = input.required<string>();
  private readonly positionId = computed(() => Number(this.id()));
  protected readonly position = asyncResource(() => this.api.get(this.positionId()), { immediate: false });
  protected readonly net = computed(() => {
    const p = this.position.value();
    return p ? p.realizedPnlPaise + p.unrealizedPnlPaise : 0;
  });

  constructor() {
    inject(LiveSocketService)
      .on('position.updated')
      .pipe(takeUntilDestroyed())
      .subscribe((e) => {
        if (e.positionId === this.positionId()) void this.position.reload();
      });
  }

  ngOnInit(): void {
    void this.position.reload();
  }

  /** A price in rupees with paise, '—' for none. */
  protected rs(paise: number | null): string {
    const r = price(paise);
    return r === null ? '—' : r.toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  protected score(p: FuturesPositionResponse): { score: number; minimum: number } | null {
    const c = p.entryApproval?.request['candidate'] as { score?: { score: number; minimum: number } } | null | undefined;
    return c?.score ?? null;
  }

  protected verdict(p: FuturesPositionResponse): string | null {
    const v = p.entryApproval?.request['validation'] as { verdict?: { verdict: string; confidence: number } | null } | null | undefined;
    return v?.verdict ? `${v.verdict.verdict} ${v.verdict.confidence}` : null;
  }
}
