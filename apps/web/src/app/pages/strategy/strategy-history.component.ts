import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { StrategyConfigChangeResponse } from '@mcube/contracts';

/** One row per changed field of one recorded change. */
interface HistoryRow {
  id: string;
  at: string;
  actor: string;
  field: string;
  from: unknown;
  to: unknown;
}

/** The change history of a strategy configuration: who changed which field from what to what. */
@Component({
  selector: 'mc-strategy-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, JsonPipe],
  template: `
    @if (rows().length === 0) {
      <p class="text-secondary small mb-0">No parameter changes recorded yet.</p>
    } @else {
      <div class="table-responsive">
        <table class="table table-sm align-middle mb-0 small" data-testid="history">
          <thead><tr><th>When (IST)</th><th>Who</th><th>Field</th><th>From</th><th>To</th></tr></thead>
          <tbody>
            @for (r of rows(); track r.id) {
              <tr>
                <td class="text-nowrap">{{ r.at | date: 'dd MMM yyyy, HH:mm:ss' : '+0530' }}</td>
                <td>{{ r.actor }}</td>
                <td><code>{{ r.field }}</code></td>
                <td>{{ r.from | json }}</td>
                <td class="fw-semibold">{{ r.to | json }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class StrategyHistoryComponent {
  readonly changes = input.required<readonly StrategyConfigChangeResponse[]>();

  protected rows(): HistoryRow[] {
    return this.changes().flatMap((c) =>
      Object.keys({ ...c.oldValue, ...c.newValue }).map((field) => ({
        id: `${c.id}-${field}`,
        at: c.at,
        actor: c.actor,
        field,
        from: c.oldValue?.[field] ?? null,
        to: c.newValue?.[field] ?? null,
      })),
    );
  }
}
