import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PeriodPnl } from '@mcube/contracts';
import { RupeesPipe } from '../../shared/ui/rupees.pipe';
import { lossBar, targetBar } from './live/limit-bars';

const LOSS_CLASS = { ok: 'bg-secondary', warn: 'bg-warning', breach: 'bg-danger', reached: 'bg-danger' } as const;

/** One period's P&L (today, week, month) with bars against its loss limit and profit target. */
@Component({
  selector: 'mc-pnl-period',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RupeesPipe],
  template: `
    <div class="d-flex flex-wrap align-items-baseline gap-2">
      <span class="text-secondary small me-auto">{{ label() }}</span>
      <span class="fw-semibold" [class.text-success]="pnl().netPaise > 0" [class.text-danger]="pnl().netPaise < 0" [attr.data-testid]="testId()">{{ pnl().netPaise | rupees }}</span>
    </div>
    <div class="text-secondary small">realised {{ pnl().realizedPaise | rupees }} · open {{ pnl().unrealizedPaise | rupees }}</div>
    @if (loss(); as b) {
      <div class="small mt-1 text-secondary">Loss limit {{ lossLimitPaise() | rupees }} · {{ b.pct }}% used</div>
      <div class="progress" role="progressbar" style="height: .4rem" [attr.aria-label]="label() + ' loss against limit'" [attr.aria-valuenow]="b.pct" aria-valuemin="0" aria-valuemax="100">
        <div class="progress-bar" [class]="'progress-bar ' + lossClass[b.level]" [style.width.%]="b.pct"></div>
      </div>
    }
    @if (target(); as b) {
      <div class="small mt-1 text-secondary">Profit target {{ targetPaise() | rupees }} · {{ b.level === 'reached' ? 'reached: new entries pause' : b.pct + '%' }}</div>
      <div class="progress" role="progressbar" style="height: .4rem" [attr.aria-label]="label() + ' profit against target'" [attr.aria-valuenow]="b.pct" aria-valuemin="0" aria-valuemax="100">
        <div class="progress-bar bg-success" [style.width.%]="b.pct"></div>
      </div>
    }
  `,
})
export class PnlPeriodComponent {
  readonly label = input.required<string>();
  readonly pnl = input.required<PeriodPnl>();
  readonly lossLimitPaise = input<number | null>(null);
  readonly targetPaise = input<number | null>(null);
  readonly testId = input<string | null>(null);
  protected readonly lossClass = LOSS_CLASS;
  protected readonly loss = computed(() => lossBar(this.pnl().netPaise, this.lossLimitPaise()));
  protected readonly target = computed(() => targetBar(this.pnl().netPaise, this.targetPaise()));
}
