import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { StatusStore } from '../core/live/status.store';
import { MarketClockService } from '../core/time/market-clock.service';
import { istTimeOf, SESSION_LABEL } from '../core/time/market-time';
import { ConnectionIndicatorComponent } from './connection-indicator.component';
import { configuredPriceNotice } from './price-source';

const SESSION_CLASS = { OPEN: 'text-bg-success', PRE_OPEN: 'text-bg-info', CLOSED: 'text-bg-secondary', HOLIDAY: 'text-bg-secondary' } as const;

/**
 * The bar under the navbar on every page: NIFTY and India VIX, market time (the market clock,
 * IST) with the session state and the simulator's speed, each account's PAPER/LIVE mode, the
 * connection; then, while an account trades LIVE, a bar saying these prices are the configured
 * source's and not the broker's (they never come from a broker); a red bar per account not
 * trading normally and per position with a naked or unbalanced short leg.
 */
@Component({
  selector: 'mc-status-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, RouterLink, ConnectionIndicatorComponent],
  template: `
    <section class="status-bar border-bottom bg-body-tertiary small" aria-label="Market and account status" data-testid="status-bar">
      <div class="container-fluid d-flex flex-wrap align-items-center column-gap-3 row-gap-1 py-1">
        <span class="text-nowrap" data-testid="status-nifty">
          <strong>NIFTY</strong>
          @if (status.nifty(); as n) {
            {{ n.lastPrice | number: '1.2-2' : 'en-IN' }}
            @if (n.change !== null) {
              <span [class]="n.change >= 0 ? 'up' : 'down'">{{ n.change >= 0 ? '+' : '' }}{{ n.change | number: '1.2-2' : 'en-IN' }}@if (n.changePct !== null) { ({{ n.changePct >= 0 ? '+' : '' }}{{ n.changePct | number: '1.2-2' }}%)}</span>
            }
          } @else { <span class="text-secondary">…</span> }
        </span>
        <span class="text-nowrap" data-testid="status-vix"><strong>VIX</strong> @if (status.vix(); as v) { {{ v.lastPrice | number: '1.2-2' }} } @else { <span class="text-secondary">…</span> }</span>
        <span class="text-nowrap" data-testid="status-clock">
          @if (clock.reading(); as r) {
            <span class="font-monospace" data-testid="status-market-time">{{ time() }}</span> IST {{ date() }}
            <span class="badge" [class]="'badge ' + sessionClass[r.session]" data-testid="status-session" [attr.data-session]="r.session">{{ sessionLabel[r.session] }}</span>
            @if (r.source === 'sim') { <span class="badge text-bg-dark" data-testid="status-sim">SIM{{ r.speed > 1 ? ' ×' + r.speed : '' }}</span> }
            @if (r.source === 'replay') { <span class="badge text-bg-dark" data-testid="status-sim">REPLAY{{ r.speed > 1 ? ' ×' + r.speed : '' }}</span> }
          } @else { <span class="text-secondary">market clock…</span> }
        </span>
        <span class="d-flex flex-wrap gap-1" data-testid="status-modes">
          @for (a of status.accounts(); track a.accountId) {
            <span class="badge" [class.text-bg-warning]="a.isPaperTrading" [class.text-bg-danger]="!a.isPaperTrading" [attr.data-testid]="'status-mode-' + a.broker">{{ a.broker }} {{ a.isPaperTrading ? 'PAPER' : 'LIVE' }}</span>
          }
        </span>
        <span class="ms-auto"><mc-connection-indicator /></span>
      </div>
    </section>
    @if (priceNotice(); as notice) {
      <div class="alert alert-warning rounded-0 border-0 py-1 px-3 mb-0 small fw-semibold" role="status" data-testid="status-price-source">{{ notice }}</div>
    }
    @for (a of status.accountAlarms(); track a.accountId) {
      <div class="alert alert-danger rounded-0 border-0 py-1 px-3 mb-0 small fw-semibold" role="alert" [attr.data-testid]="'status-account-alarm-' + a.accountId">{{ a.name }}: {{ a.alarm }}</div>
    }
    @for (p of status.positionAlarms(); track p.positionId) {
      <div class="alert alert-danger rounded-0 border-0 py-1 px-3 mb-0 small fw-semibold" role="alert" [attr.data-testid]="'status-position-alarm-' + p.positionId">
        <a class="alert-link" [routerLink]="['/positions', p.positionId]">Position #{{ p.positionId }}</a>: {{ p.alarm }}
      </div>
    }
  `,
  styles: [`.up { color: #146c43; } .down { color: #b02a37; }`],
})
export class StatusBarComponent {
  protected readonly status = inject(StatusStore);
  protected readonly clock = inject(MarketClockService);
  protected readonly sessionLabel = SESSION_LABEL;
  protected readonly sessionClass = SESSION_CLASS;
  protected readonly priceNotice = computed(() => configuredPriceNotice(this.clock.reading()?.source, this.status.accounts()));
  protected readonly time = computed(() => {
    const now = this.clock.nowMs();
    return now === null ? '' : istTimeOf(now);
  });
  protected readonly date = computed(() => {
    const d = this.clock.istDate();
    return d === null ? '' : new Date(`${d}T00:00:00Z`).toLocaleDateString('en-IN', { day: '2-digit', month: 'short', timeZone: 'UTC' });
  });
}
