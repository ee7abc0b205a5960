import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DecisionResponse } from '@mcube/contracts';
import { RouterLink } from '@angular/router';
import { timelineRows } from './live/feed';

const KIND_CLASS: Record<DecisionResponse['kind'], string> = {
  ENTRY: 'text-bg-primary', EXIT: 'text-bg-dark', SKIP: 'text-bg-secondary', HOLD: 'text-bg-light border', ADJUST: 'text-bg-info', ALERT: 'text-bg-warning',
  SCREEN: 'text-bg-light border', APPROVAL: 'text-bg-warning', VALIDATION: 'text-bg-light border',
};

/**
 * The market day's decisions from the journal (what the strategies did and why), live: the
 * monitor's HOLD heartbeats as one "monitoring" row with the latest figures, then ENTRY/SKIP/EXIT
 * (pinned) and the rest, newest first. Times are market time (IST).
 */
@Component({
  selector: 'mc-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink],
  template: `
    <section class="card shadow-sm h-100" data-testid="timeline" aria-labelledby="timeline-title">
      <div class="card-header bg-white d-flex align-items-center gap-2">
        <h2 class="h6 mb-0 me-auto" id="timeline-title">Today's timeline</h2>
        <span class="text-secondary small" data-testid="timeline-date">market day {{ dateIst() }} IST</span>
      </div>
      <ol class="list-group list-group-flush feed">
        @for (row of rows(); track row.type === 'monitoring' ? 'monitoring' : row.decision.id) {
          @if (row.type === 'monitoring') {
            <li class="list-group-item monitoring" data-testid="timeline-monitoring">
              <div class="d-flex flex-wrap align-items-center gap-2">
                <span class="text-secondary small text-nowrap">{{ row.latest.occurredAtMs | date: 'HH:mm:ss' : '+0530' }}</span>
                <span class="badge text-bg-light border">MONITORING</span>
                <span class="fw-semibold">{{ row.latest.decision }}</span>
                @if (row.latest.positionId !== null) {
                  <a class="small ms-auto" [routerLink]="['/positions', row.latest.positionId]">position #{{ row.latest.positionId }}</a>
                }
              </div>
              <div class="small mt-1">Latest check: {{ row.latest.reason }}</div>
            </li>
          } @else {
            <li class="list-group-item" [class.pinned]="row.pinned" [attr.data-testid]="'decision-' + row.decision.id" [attr.data-kind]="row.decision.kind">
              <div class="d-flex flex-wrap align-items-center gap-2">
                <span class="text-secondary small text-nowrap">{{ row.decision.occurredAtMs | date: 'HH:mm:ss' : '+0530' }}</span>
                <span class="badge" [class]="'badge ' + kindClass[row.decision.kind]">{{ row.decision.kind }}</span>
                <span class="fw-semibold">{{ row.decision.decision }}</span>
                @if (row.decision.reasonCode) { <code class="small">{{ row.decision.reasonCode }}</code> }
                @if (row.decision.positionId !== null) {
                  <a class="small ms-auto" [routerLink]="['/positions', row.decision.positionId]">position #{{ row.decision.positionId }}</a>
                }
              </div>
              <div class="small mt-1">{{ row.decision.reason }}</div>
            </li>
          }
        } @empty {
          <li class="list-group-item text-secondary small">No decision recorded on this market day yet.</li>
        }
      </ol>
    </section>
  `,
  styles: [`.feed { max-height: 28rem; overflow-y: auto; } .pinned { border-left: 3px solid var(--bs-primary); } .monitoring { border-left: 3px dashed var(--bs-secondary); }`],
})
export class TimelineComponent {
  readonly decisions = input.required<readonly DecisionResponse[]>();
  readonly dateIst = input.required<string>();
  protected readonly rows = computed(() => timelineRows(this.decisions()));
  protected readonly kindClass = KIND_CLASS;
}
