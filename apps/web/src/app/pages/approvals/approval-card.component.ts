import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { instrumentName, type ApprovalResponse } from '@mcube/contracts';

interface Passage {
  id: string;
  text: string;
  source: { kind: string; ref: string; title?: string };
}

/** One approval request as a card: the order, its levels and money, the score breakdown, the validator's verdict and passages; Approve / Reject when allowed. */
@Component({
  selector: 'mc-approval-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DecimalPipe],
  template: `
    @let a = approval();
    @let r = req();
    <div class="card h-100" [attr.data-testid]="'approval-' + a.id">
      <div class="card-header d-flex flex-wrap gap-2 align-items-center">
        <span class="badge" [class.text-bg-warning]="a.status === 'PENDING'" [class.text-bg-success]="a.status === 'APPROVED'" [class.text-bg-danger]="a.status === 'REJECTED'" [class.text-bg-secondary]="a.status === 'EXPIRED'">{{ a.status }}</span>
        <strong class="me-auto" [title]="r.contract" [attr.data-testid]="'approval-contract-' + a.id">{{ a.kind }} {{ r.direction }} {{ contractName() }}</strong>
        <span class="small">expires {{ a.expiresAtMs | date: 'dd MMM HH:mm' : '+0530' }} IST</span>
      </div>
      <div class="card-body small">
        <p class="mb-2">{{ a.summary }}</p>
        <dl class="row mb-2">
          <dt class="col-5">Size</dt><dd class="col-7">{{ r.lots }} lot(s) × {{ r.lotSize }}</dd>
          <dt class="col-5">Entry / band</dt><dd class="col-7">{{ r.limitPrice | number: '1.2-2' }} ({{ r.priceBand?.low | number: '1.2-2' }}–{{ r.priceBand?.high | number: '1.2-2' }})</dd>
          <dt class="col-5">Stop / target</dt><dd class="col-7">{{ r.stopLoss | number: '1.2-2' }} / {{ r.target | number: '1.2-2' }}</dd>
          <dt class="col-5">Margin · risk · exposure</dt><dd class="col-7">₹{{ rupees(r.marginPaise) | number: '1.0-0' }} · ₹{{ rupees(r.riskPaise) | number: '1.0-0' }} · ₹{{ rupees(r.exposurePaise) | number: '1.0-0' }}</dd>
          @if (score(); as s) { <dt class="col-5">Score</dt><dd class="col-7">{{ s.score | number: '1.0-1' }} / min {{ s.minimum }} <span class="text-secondary">({{ breakdown(s.components) }})</span></dd> }
        </dl>
        <div class="mb-2"><span class="badge text-bg-light border">{{ a.validatorLabel ?? 'no validator' }}</span> {{ validation()?.reason }}</div>
        @if (passages().length > 0) {
          <details><summary>Retrieved passages ({{ passages().length }})</summary>
            <ul class="mb-0">@for (p of passages(); track p.id) { <li><strong>{{ p.source.title ?? p.source.ref }}</strong> ({{ p.source.kind }}): {{ p.text }}</li> }</ul>
          </details>
        }
        @if (a.status !== 'PENDING') {
          <p class="mt-2 mb-0 text-secondary">{{ a.status }}@if (a.decidedBy) { by {{ a.decidedBy }} }@if (a.reason) { — {{ a.reason }} }@if (a.outcome) { · outcome {{ outcomeText() }} }</p>
        }
      </div>
      @if (a.status === 'PENDING' && canDecide()) {
        <div class="card-footer d-flex gap-2">
          <button type="button" class="btn btn-sm btn-success" [disabled]="busy()" (click)="approve.emit(a)">Approve</button>
          <button type="button" class="btn btn-sm btn-danger" [disabled]="busy()" (click)="reject.emit(a)">Reject…</button>
        </div>
      }
    </div>
  `,
})
export class ApprovalCardComponent {
  readonly approval = input.required<ApprovalResponse>();
  readonly canDecide = input(false);
  readonly busy = input(false);
  readonly approve = output<ApprovalResponse>();
  readonly reject = output<ApprovalResponse>();

  // The request is the strategy's stored JSON: read the fields the card shows.
  protected readonly req = computed(() => this.approval().request as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The future as a trader says it ('RELIANCE 29 Dec FUT') from the intent's instrument; the broker's symbol if the request has none. */
  protected readonly contractName = computed(() => {
    const i = this.req()['intent']?.instrument as { underlying?: string; expiry?: string } | undefined;
    return i?.underlying && i.expiry ? instrumentName({ underlying: i.underlying, expiryDate: i.expiry, strike: null, optionType: null }) : String(this.req()['contract'] ?? '');
  });
  protected readonly score = computed(() => (this.req()['candidate']?.score ?? null) as { score: number; minimum: number; components: Record<string, number> } | null);
  protected readonly validation = computed(() => (this.req()['validation'] ?? null) as { reason: string; passages?: Passage[] } | null);
  protected readonly passages = computed(() => this.validation()?.passages ?? []);
  protected readonly outcomeText = computed(() => {
    const o = this.approval().outcome ?? {};
    return [o['status'], o['code'], o['clientOrderId']].filter((x) => typeof x === 'string').join(' ');
  });

  protected rupees(paise: unknown): number {
    return typeof paise === 'number' ? paise / 100 : 0;
  }

  protected breakdown(c: Record<string, number>): string {
    return Object.entries(c).map(([k, v]) => `${k} ${Math.round(v * 10) / 10}`).join(', ');
  }
}
