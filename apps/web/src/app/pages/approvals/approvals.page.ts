import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { ApprovalResponse } from '@mcube/contracts';
import { messageOf } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { Notifier } from '../../core/notify/notifier.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { ApprovalCardComponent } from './approval-card.component';
import { ApprovalsApi } from './approvals.api';
import { KnowledgeNotesComponent } from './knowledge-notes.component';

/** The human approval queue: pending ICICI entries and averaging orders with their cards (Approve / Reject for a trader or admin), and recent decisions. */
@Component({
  selector: 'mc-approvals-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadStateComponent, ApprovalCardComponent, KnowledgeNotesComponent],
  template: `
    <div class="d-flex flex-wrap align-items-center gap-2 mb-3">
      <h1 class="h3 mb-0 me-auto">Approvals</h1>
      <button type="button" class="btn btn-sm btn-outline-secondary" (click)="reload()">Refresh</button>
    </div>
    <p class="small text-secondary">Every ICICI entry and averaging order waits here for a person. Approving mints a single-use token bound to that exact order; the strategy sends it through the order gateway at once.</p>
    <h2 class="h5">Pending</h2>
    <mc-load-state [loading]="pending.loading()" [error]="pending.error()" what="approvals" (retry)="pending.reload()" />
    <div class="row g-3 mb-4" data-testid="pending-approvals">
      @for (a of pending.value() ?? []; track a.id) {
        <div class="col-12 col-lg-6"><mc-approval-card [approval]="a" [canDecide]="auth.canWrite()" [busy]="busy()" (approve)="approve($event)" (reject)="reject($event)" /></div>
      } @empty {
        <div class="col-12 text-secondary small">Nothing waits for approval.</div>
      }
    </div>
    <h2 class="h5">Recent decisions</h2>
    <div class="row g-3">
      @for (a of decided(); track a.id) {
        <div class="col-12 col-lg-6"><mc-approval-card [approval]="a" /></div>
      } @empty {
        <div class="col-12 text-secondary small">No decision yet.</div>
      }
    </div>
    <h2 class="h5 mt-4">Trader's notes and knowledge</h2>
    <mc-knowledge-notes [canWrite]="auth.canWrite()" />
  `,
})
export class ApprovalsPage {
  private readonly api = inject(ApprovalsApi);
  private readonly notifier = inject(Notifier);
  protected readonly auth = inject(AuthService);
  protected readonly pending = asyncResource(() => this.api.list('PENDING'));
  protected readonly all = asyncResource(() => this.api.list());
  protected readonly busy = signal(false);

  protected decided(): ApprovalResponse[] {
    return (this.all.value() ?? []).filter((a) => a.status !== 'PENDING').slice(0, 20);
  }

  protected async reload(): Promise<void> {
    await Promise.all([this.pending.reload(), this.all.reload()]);
  }

  protected async approve(a: ApprovalResponse): Promise<void> {
    if (!confirm(`Approve: ${a.summary}?`)) return;
    await this.decide(() => this.api.approve(a.id));
  }

  protected async reject(a: ApprovalResponse): Promise<void> {
    const reason = prompt(`Why reject ${a.summary}?`);
    if (reason === null) return;
    if (reason.trim() === '') {
      this.notifier.error('A reason is required to reject.');
      return;
    }
    await this.decide(() => this.api.reject(a.id, reason));
  }

  private async decide(call: () => Promise<ApprovalResponse>): Promise<void> {
    this.busy.set(true);
    try {
      const r = await call();
      const outcome = r.outcome ? ` (${String(r.outcome['status'] ?? '')}${r.outcome['code'] ? ` ${String(r.outcome['code'])}` : ''})` : '';
      this.notifier.success(`Request ${r.id} ${r.status.toLowerCase()}${outcome}.`);
      await this.reload();
    } catch (err) {
      this.notifier.error(messageOf(err));
      await this.reload();
    } finally {
      this.busy.set(false);
    }
  }
}
