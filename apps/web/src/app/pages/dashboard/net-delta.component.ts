import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { AccountSummaryResponse } from '@mcube/contracts';
import { deltaGauge } from './live/limit-bars';

/**
 * Net delta of each account's active position on a gauge with the ± threshold (300 by
 * default): red beyond it. An alert and a recommendation only; nothing adjusts by itself.
 */
@Component({
  selector: 'mc-net-delta',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe],
  template: `
    <section class="card shadow-sm h-100" data-testid="net-delta">
      <div class="card-header bg-white"><h2 class="h6 mb-0">Net delta</h2></div>
      <div class="card-body vstack gap-3">
        @for (r of rows(); track r.accountId) {
          <div [attr.data-testid]="'net-delta-' + r.broker" [attr.data-breached]="r.gauge?.breached ?? false">
            <div class="d-flex flex-wrap align-items-baseline gap-2 small">
              <span class="me-auto">{{ r.name }}</span>
              @if (r.gauge; as g) {
                <span class="fw-semibold" [class.text-danger]="g.breached">{{ r.netDelta | number: '1.0-1' }}</span>
                <span class="text-secondary">limit ±{{ r.threshold }}</span>
              } @else {
                <span class="text-secondary">{{ r.hasPosition ? 'no greeks yet' : 'no active position' }}</span>
              }
            </div>
            @if (r.gauge; as g) {
              <div class="gauge mt-1" role="meter" [attr.aria-valuenow]="r.netDelta" [attr.aria-label]="r.name + ' net delta'">
                <div class="zone" [style.left.%]="g.lowPct" [style.width.%]="g.highPct - g.lowPct"></div>
                <div class="marker" [class.breached]="g.breached" [style.left.%]="g.markerPct"></div>
              </div>
              @if (g.breached) {
                <div class="small text-danger mt-1">Beyond ±{{ r.threshold }}: consider rebalancing.</div>
              }
            }
          </div>
        } @empty {
          <p class="text-secondary small mb-0">No accounts.</p>
        }
      </div>
    </section>
  `,
  styles: [
    `
      .gauge { position: relative; height: .75rem; border-radius: .375rem; background: var(--bs-danger-bg-subtle); }
      .zone { position: absolute; top: 0; bottom: 0; background: var(--bs-success-bg-subtle); border-left: 2px solid var(--bs-danger); border-right: 2px solid var(--bs-danger); }
      .marker { position: absolute; top: -.2rem; width: .25rem; height: 1.15rem; margin-left: -.125rem; background: var(--bs-dark); border-radius: 1px; }
      .marker.breached { background: var(--bs-danger); }
    `,
  ],
})
export class NetDeltaComponent {
  readonly summaries = input.required<readonly AccountSummaryResponse[]>();
  protected readonly rows = computed(() =>
    this.summaries().map((s) => ({
      accountId: s.accountId,
      broker: s.broker,
      name: s.name,
      netDelta: s.netDelta,
      threshold: s.deltaThreshold,
      hasPosition: s.activePositionId !== null,
      gauge: deltaGauge(s.netDelta, s.deltaThreshold),
    })),
  );
}
