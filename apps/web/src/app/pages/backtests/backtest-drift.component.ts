import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { BacktestRunResponse, DriftReportResponse, DriftTrade } from '@mcube/contracts';
import { AccountsApi } from '../../core/accounts/accounts.api';
import { messageOf } from '../../core/api/api-error';
import { asyncResource } from '../../shared/ui/async-resource';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';
import { BacktestsApi } from './backtests.api';

/** Paper trades of an account against a completed run over the same days: side by side, each difference with its cause. */
@Component({
  selector: 'mc-backtest-drift',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RupeesPipe],
  template: `
    <form class="row g-2 align-items-end mb-3" (ngSubmit)="load()" data-testid="drift-form">
      <div class="col-6 col-md-3">
        <label class="form-label small" for="drift-account">Paper account</label>
        <select id="drift-account" class="form-select form-select-sm" [(ngModel)]="accountId" name="accountId">
          @for (a of accounts.value() ?? []; track a.id) { <option [ngValue]="a.id">{{ a.name }} ({{ a.broker }})</option> }
        </select>
      </div>
      <div class="col-6 col-md-3">
        <label class="form-label small" for="drift-run">Backtest run</label>
        <select id="drift-run" class="form-select form-select-sm" [(ngModel)]="runId" name="runId" (ngModelChange)="pickRun($event)">
          @for (r of runs(); track r.id) { <option [ngValue]="r.id">#{{ r.id }} {{ r.from }} … {{ r.to }}</option> }
        </select>
      </div>
      <div class="col-6 col-md-2"><label class="form-label small" for="drift-from">From</label><input id="drift-from" type="date" class="form-control form-control-sm" [(ngModel)]="from" name="from" /></div>
      <div class="col-6 col-md-2"><label class="form-label small" for="drift-to">To</label><input id="drift-to" type="date" class="form-control form-control-sm" [(ngModel)]="to" name="to" /></div>
      <div class="col-12 col-md-2"><button type="submit" class="btn btn-sm btn-outline-primary w-100" [disabled]="!accountId || !runId">Compare</button></div>
    </form>
    @if (error()) { <div class="alert alert-danger small" role="alert">{{ error() }}</div> }
    @if (report(); as r) {
      <p class="small">{{ r.marketData }}.</p>
      <p class="small">Paper net <strong>{{ r.paperNetPaise | rupees }}</strong>, backtest net <strong>{{ r.backtestNetPaise | rupees }}</strong>; {{ r.matched }} matched entry days, {{ r.paperOnly }} paper only, {{ r.backtestOnly }} backtest only.</p>
      <div tabindex="0" role="region" aria-label="Drift by entry day" class="table-responsive">
        <table class="table table-sm small align-middle" data-testid="drift-rows">
          <thead><tr><th>Entry day</th><th>Paper</th><th>Backtest</th><th class="text-end">Difference</th><th>Why</th></tr></thead>
          <tbody>
            @for (row of r.rows; track row.entryDate) {
              <tr>
                <td class="text-nowrap">{{ row.entryDate }}</td>
                <td>{{ describe(row.paper) }}</td>
                <td>{{ describe(row.backtest) }}</td>
                <td class="text-end">{{ row.netDifferencePaise | rupees }}</td>
                <td>
                  @for (d of row.differences; track $index) {
                    <div><span class="badge text-bg-light border">{{ d.cause }}</span> {{ d.field }}: {{ d.explanation }}@if (d.pnlEffectPaise !== undefined) { ({{ d.pnlEffectPaise | rupees }}) }</div>
                  } @empty { <span class="text-secondary">identical</span> }
                </td>
              </tr>
            } @empty {
              <tr><td colspan="5" class="text-secondary">Neither side traded in this period.</td></tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class BacktestDriftComponent {
  private readonly api = inject(BacktestsApi);
  private readonly accountsApi = inject(AccountsApi);
  /** Completed runs to compare against. */
  readonly runs = input.required<readonly BacktestRunResponse[]>();
  protected readonly accounts = asyncResource(() => this.accountsApi.list());
  protected readonly report = signal<DriftReportResponse | null>(null);
  protected readonly error = signal<string | null>(null);
  protected accountId: number | null = null;
  protected runId: number | null = null;
  protected from = '';
  protected to = '';

  protected pickRun(id: number): void {
    const run = this.runs().find((r) => r.id === id);
    if (run) [this.from, this.to] = [run.from, run.to];
  }

  protected describe(t: DriftTrade | null): string {
    if (!t) return 'no trade';
    const strikes = t.legs.map((l) => l.instrument.split('-').slice(-2).join(' ')).join(' / ');
    return `${t.entryAt.slice(11)} → ${t.exitAt.replace('T', ' ')} · ${strikes} · ${t.exitReason} · ₹${(t.netPnlPaise / 100).toLocaleString('en-IN')}`;
  }

  protected async load(): Promise<void> {
    if (!this.accountId || !this.runId) return;
    this.error.set(null);
    try {
      this.report.set(await this.api.drift({ accountId: this.accountId, runId: this.runId, from: this.from, to: this.to }));
    } catch (err) {
      this.report.set(null);
      this.error.set(messageOf(err));
    }
  }
}
