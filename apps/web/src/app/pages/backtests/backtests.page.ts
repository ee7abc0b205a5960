import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import type { BacktestDetailResponse, BacktestProgressEvent, BacktestRunResponse } from '@mcube/contracts';
import { ApiError, messageOf } from '../../core/api/api-error';
import { messagesByField } from '../../core/api/messages-by-field';
import { AuthService } from '../../core/auth/auth.service';
import { LiveSocketService } from '../../core/live/live-socket.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';
import { BacktestCompareComponent } from './backtest-compare.component';
import { BacktestDriftComponent } from './backtest-drift.component';
import { backtestRequestOf, type BacktestFormValue } from './backtest-form';
import { BacktestRunViewComponent } from './backtest-run-view.component';
import { BacktestsApi } from './backtests.api';

const FIELDS = ['from', 'to', 'dataSource', 'seed', 'params', 'strategy'];

/**
 * Backtests: run the strangle over the shared history or the simulator (the run is a job on
 * the server; its progress arrives on the socket), read a run's report (charts, monthly heat
 * against the target, trades with legs), compare two runs side by side, and the drift of the
 * paper trades against a run.
 */
@Component({
  selector: 'mc-backtests-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, LoadStateComponent, RupeesPipe, BacktestRunViewComponent, BacktestCompareComponent, BacktestDriftComponent],
  template: `
    <div class="d-flex flex-wrap align-items-center gap-2 mb-3">
      <h1 class="h3 mb-0 me-auto">Backtests</h1>
      <button type="button" class="btn btn-sm btn-outline-secondary" (click)="runs.reload()">Refresh</button>
    </div>

    @if (auth.canWrite()) {
      <form class="card card-body mb-3" (ngSubmit)="run()" data-testid="backtest-form">
        <div class="row g-2 align-items-end">
          <div class="col-12 col-md-2"><label class="form-label small" for="bt-strategy">Strategy</label><select id="bt-strategy" class="form-select form-select-sm" disabled><option>Kotak strangle</option></select></div>
          <div class="col-6 col-md-2"><label class="form-label small" for="bt-from">From</label><input id="bt-from" type="date" class="form-control form-control-sm" [(ngModel)]="form.from" name="from" [class.is-invalid]="errors()['from']" required /><div class="invalid-feedback">{{ errors()['from']?.join(' ') }}</div></div>
          <div class="col-6 col-md-2"><label class="form-label small" for="bt-to">To</label><input id="bt-to" type="date" class="form-control form-control-sm" [(ngModel)]="form.to" name="to" [class.is-invalid]="errors()['to']" required /><div class="invalid-feedback">{{ errors()['to']?.join(' ') }}</div></div>
          <div class="col-6 col-md-2">
            <label class="form-label small" for="bt-data">Market data</label>
            <select id="bt-data" class="form-select form-select-sm" [(ngModel)]="form.dataSource" name="dataSource"><option value="SHARED">Shared NSE history</option><option value="SIMULATOR">Simulator</option></select>
          </div>
          @if (form.dataSource === 'SIMULATOR') {
            <div class="col-6 col-md-1"><label class="form-label small" for="bt-seed">Seed</label><input id="bt-seed" type="number" class="form-control form-control-sm" [(ngModel)]="form.seed" name="seed" [class.is-invalid]="errors()['seed']" /><div class="invalid-feedback">{{ errors()['seed']?.join(' ') }}</div></div>
          }
          <div class="col-12 col-md">
            <label class="form-label small" for="bt-params">Parameters (key=value a line)</label>
            <textarea id="bt-params" rows="2" class="form-control form-control-sm font-monospace" [(ngModel)]="form.params" name="params" placeholder="targetPct=60&#10;engine.ticks=daily" [class.is-invalid]="errors()['params']"></textarea>
            <div class="invalid-feedback">{{ errors()['params']?.join(' ') }}</div>
          </div>
          <div class="col-12 col-md-auto"><button type="submit" class="btn btn-sm btn-primary" [disabled]="submitting()">Run backtest</button></div>
        </div>
        @if (errors()['']; as general) { <div class="alert alert-danger small mt-2 mb-0" role="alert">{{ general.join(' ') }}</div> }
        @if (progress(); as p) {
          <div class="mt-3" data-testid="backtest-progress">
            <div class="d-flex small mb-1"><span class="me-auto">Run #{{ p.runId }}: {{ p.status }}@if (p.date) { · {{ p.date }} }@if (p.daysTotal) { · day {{ p.daysDone }} of {{ p.daysTotal }} }</span><span>{{ p.progressPct }}%</span></div>
            <div class="progress" role="progressbar" [attr.aria-valuenow]="p.progressPct" aria-valuemin="0" aria-valuemax="100" aria-label="Backtest progress">
              <div class="progress-bar" [class.bg-success]="p.status === 'COMPLETED'" [class.bg-danger]="p.status === 'FAILED'" [style.width.%]="p.progressPct"></div>
            </div>
            @if (p.error) { <div class="small text-danger mt-1">{{ p.error }}</div> }
          </div>
        }
      </form>
    }

    <h2 class="h5">Runs</h2>
    <mc-load-state [loading]="runs.loading()" [error]="runs.error()" what="backtest runs" (retry)="runs.reload()" />
    <div tabindex="0" role="region" aria-label="Backtest runs" class="table-responsive mb-3">
      <table class="table table-sm small align-middle" data-testid="backtest-runs">
        <thead><tr><th>Compare</th><th>#</th><th>Period</th><th>Data</th><th>Status</th><th class="text-end">Trades</th><th class="text-end">Net</th><th class="text-end">Max DD</th><th>By</th><th></th></tr></thead>
        <tbody>
          @for (r of runs.value() ?? []; track r.id) {
            <tr [class.table-active]="selected()?.id === r.id">
              <td><input type="checkbox" class="form-check-input" [checked]="compared().includes(r.id)" [disabled]="r.status !== 'COMPLETED'" (change)="toggleCompare(r.id)" [attr.aria-label]="'Compare run ' + r.id" /></td>
              <td>{{ r.id }}</td>
              <td class="text-nowrap">{{ r.from }} … {{ r.to }}</td>
              <td>{{ r.dataSource === 'SIMULATOR' ? 'simulator #' + r.seed : 'shared' }}</td>
              <td><span class="badge" [class.text-bg-success]="r.status === 'COMPLETED'" [class.text-bg-danger]="r.status === 'FAILED'" [class.text-bg-info]="r.status === 'RUNNING'" [class.text-bg-secondary]="r.status === 'QUEUED'">{{ r.status }}</span>@if (r.error) { <div class="text-danger">{{ r.error }}</div> }</td>
              <td class="text-end">{{ r.summary?.trades ?? '' }}</td>
              <td class="text-end">{{ r.summary?.netPnlPaise | rupees }}</td>
              <td class="text-end">{{ r.summary?.maxDrawdownPaise | rupees }}</td>
              <td>{{ r.createdBy }}</td>
              <td class="text-end"><button type="button" class="btn btn-sm btn-outline-primary" [disabled]="r.status !== 'COMPLETED'" (click)="open(r.id)">Open</button></td>
            </tr>
          } @empty {
            <tr><td colspan="10" class="text-secondary">No backtest yet.</td></tr>
          }
        </tbody>
      </table>
    </div>

    @if (comparedRuns().length === 2) {
      <h2 class="h5">Comparison</h2>
      <mc-backtest-compare [runs]="comparedRuns()" />
    } @else {
      <p class="small text-secondary">Tick two completed runs to compare them side by side.</p>
    }

    @if (detailError()) { <div class="alert alert-danger small" role="alert">{{ detailError() }}</div> }
    @if (selected(); as d) {
      <h2 class="h5 mt-3">Run #{{ d.id }}: {{ d.from }} … {{ d.to }}</h2>
      <mc-backtest-run-view [detail]="d" />
    }

    <h2 class="h5 mt-4">Drift: paper trades against a backtest</h2>
    <mc-backtest-drift [runs]="completed()" />
  `,
})
export class BacktestsPage {
  private readonly api = inject(BacktestsApi);
  protected readonly auth = inject(AuthService);
  protected readonly runs = asyncResource(() => this.api.list());
  protected readonly completed = computed(() => (this.runs.value() ?? []).filter((r) => r.status === 'COMPLETED'));
  protected readonly compared = signal<number[]>([]);
  protected readonly comparedRuns = computed(() => this.compared().map((id) => this.completed().find((r) => r.id === id)).filter((r): r is BacktestRunResponse => r !== undefined));
  protected readonly selected = signal<BacktestDetailResponse | null>(null);
  protected readonly detailError = signal<string | null>(null);
  protected readonly progress = signal<BacktestProgressEvent | null>(null);
  protected readonly submitting = signal(false);
  protected readonly errors = signal<Record<string, string[]>>({});
  protected form: BacktestFormValue = { from: '2024-01-01', to: '2024-03-29', dataSource: 'SHARED', seed: '7', params: '' };

  constructor() {
    inject(LiveSocketService)
      .on('backtest.progress')
      .pipe(takeUntilDestroyed())
      .subscribe((p) => this.onProgress(p));
  }

  private onProgress(p: BacktestProgressEvent): void {
    const mine = this.progress();
    if (mine && mine.runId === p.runId && !(p.status === 'RUNNING' && p.progressPct < mine.progressPct)) this.progress.set(p);
    if (p.status === 'COMPLETED' || p.status === 'FAILED') {
      void this.runs.reload();
      if (mine?.runId === p.runId && p.status === 'COMPLETED') void this.open(p.runId);
    }
  }

  protected async run(): Promise<void> {
    this.errors.set({});
    const built = backtestRequestOf(this.form);
    if ('error' in built) {
      this.errors.set(messagesByField([built.error], FIELDS));
      return;
    }
    this.submitting.set(true);
    try {
      const run = await this.api.create(built.request);
      this.progress.set({ runId: run.id, status: run.status, progressPct: 0, daysDone: 0, daysTotal: 0, date: null, error: null, atMs: Date.now() });
      await this.runs.reload();
    } catch (err) {
      this.errors.set(err instanceof ApiError && err.status === 400 ? messagesByField(err.messages, FIELDS) : { '': [messageOf(err)] });
    } finally {
      this.submitting.set(false);
    }
  }

  protected toggleCompare(id: number): void {
    const now = this.compared();
    this.compared.set(now.includes(id) ? now.filter((x) => x !== id) : [...now, id].slice(-2));
  }

  protected async open(id: number): Promise<void> {
    this.detailError.set(null);
    try {
      this.selected.set(await this.api.get(id));
    } catch (err) {
      this.detailError.set(messageOf(err));
    }
  }
}
