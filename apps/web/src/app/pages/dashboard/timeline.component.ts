import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { DecisionResponse } from '@mcube/contracts';
import { RouterLink } from '@angular/router';

const KIND_CLASS: Record<DecisionResponse['kind'], string> = {
  ENTRY: 'text-bg-primary', EXIT: 'text-bg-dark', SKIP: 'text-bg-secondary', HOLD: 'text-bg-light border', ADJUST: 'text-bg-info', ALERT: 'text-bg-warning',
  SCREEN: 'text-bg-light border', APPROVAL: 'text-bg-warning', VALIDATION: 'text-bg-light border',
};

/** Today's decisions from the journal (what the strategies did and why), newest first, live. */
@Component({
  selector: 'mc-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink],
  template: `
    <section class="card shadow-sm h-100" data-testid="timeline">
      <div class="card-header bg-white d-flex align-items-center gap-2">
        <h2 class="h6 mb-0 me-auto">Today's timeline</h2>
        <span class="text-secondary small">{{ dateIst() }} IST</span>
      </div>
      <ol class="list-group list-group-flush feed">
        @for (d of decisions(); track d.id) {
          <li class="list-group-item" [attr.data-testid]="'decision-' + d.id">
            <div class="d-flex flex-wrap align-items-center gap-2">
              <span class="text-secondary small text-nowrap">{{ d.occurredAtMs | date: 'HH:mm:ss' : '+0530' }}</span>
              <span class="badge" [class]="'badge ' + kindClass[d.kind]">{{ d.kind }}</span>
              <span class="fw-semibold">{{ d.decision }}</span>
              @if (d.reasonCode) { <code class="small">{{ d.reasonCode }}</code> }
              @if (d.positionId !== null) {
                <a class="small ms-auto" [routerLink]="['/positions', d.positionId]">position #{{ d.positionId }}</a>
              }
            </div>
            <div class="small mt-1">{{ d.reason }}</div>
          </li>
        } @empty {
          <li class="list-group-item text-secondary small">No decision recorded today yet.</li>
        }
      </ol>
    </section>
  `,
  styles: [`.feed { max-height: 28rem; overflow-y: auto; }`],
})
export class TimelineComponent {
  readonly decisions = input.required<readonly DecisionResponse[]>();
  readonly dateIst = input.required<string>();
  protected readonly kindClass = KIND_CLASS;
}
