import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { OrderEventResponse } from '@mcube/contracts';
import { timelineOf } from './order-rules';

/** The order's state history as a vertical timeline: each event, its IST time, and its reason. */
@Component({
  selector: 'mc-order-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    @if (entries().length === 0) {
      <p class="text-secondary small mb-0">No state events recorded yet.</p>
    } @else {
      <ol class="list-unstyled mb-0 timeline" data-testid="order-timeline">
        @for (e of entries(); track e.id) {
          <li class="position-relative ps-4 pb-3" [attr.data-testid]="'order-event-' + e.type">
            <span class="dot position-absolute rounded-circle" [class]="e.tone"></span>
            <div class="d-flex flex-wrap gap-2 align-items-baseline">
              <span class="fw-semibold">{{ e.type }}</span>
              <span class="badge" [class]="e.tone">{{ e.transition }}</span>
              <span class="text-secondary small ms-auto text-nowrap">{{ e.occurredAt | date: 'dd MMM yyyy, HH:mm:ss.SSS' : '+0530' }} IST</span>
            </div>
            @if (e.detail) {
              <div class="small text-body-secondary text-break">{{ e.detail }}</div>
            }
          </li>
        }
      </ol>
    }
  `,
  styles: [
    `
      .timeline li { border-left: 2px solid var(--bs-border-color); margin-left: 0.4rem; }
      .timeline li:last-child { border-left-color: transparent; }
      .dot { width: 0.8rem; height: 0.8rem; left: -0.45rem; top: 0.3rem; }
    `,
  ],
})
export class OrderTimelineComponent {
  readonly history = input.required<readonly OrderEventResponse[]>();
  protected readonly entries = computed(() => timelineOf(this.history()));
}
