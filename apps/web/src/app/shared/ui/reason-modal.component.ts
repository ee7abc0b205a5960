import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NgbActiveModal } from '@ng-bootstrap/ng-bootstrap';
import { messageOf } from '../../core/api/api-error';
import { reasonProblem } from './reason';

/** What the confirmation asks, and what runs on confirm (the modal stays open, with the error, if it fails). */
export interface ReasonModalConfig {
  title: string;
  body: string;
  confirmLabel: string;
  /** data-testid of the confirm button and of the reason field (browser tests). */
  confirmTestId: string;
  reasonTestId: string;
  action: (reason: string) => Promise<void>;
}

/**
 * A confirmation that requires a written reason (kept with the audit trail). Open it with
 * NgbModal.open(ReasonModalComponent) and set `config` on the instance.
 */
@Component({
  selector: 'mc-reason-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (config(); as c) {
      <div class="modal-header">
        <h2 class="modal-title h5" id="reason-modal-title">{{ c.title }}</h2>
        <button type="button" class="btn-close" aria-label="Close" (click)="modal.dismiss()"></button>
      </div>
      <form class="modal-body" (submit)="$event.preventDefault(); confirm()">
        <p>{{ c.body }}</p>
        <label class="form-label" for="reason">Reason (kept in the audit log)</label>
        <textarea id="reason" class="form-control" rows="2" [attr.data-testid]="c.reasonTestId" [class.is-invalid]="touched() && problem()" [value]="reason()" (input)="reason.set($any($event.target).value)" (blur)="touched.set(true)"></textarea>
        @if (touched() && problem(); as p) {
          <div class="invalid-feedback d-block">{{ p }}</div>
        }
        @if (error(); as e) {
          <div class="alert alert-danger mt-3 mb-0" role="alert">{{ e }}</div>
        }
      </form>
      <div class="modal-footer">
        <button type="button" class="btn btn-outline-secondary" (click)="modal.dismiss()">Cancel</button>
        <button type="button" class="btn btn-danger" [attr.data-testid]="c.confirmTestId" [disabled]="busy()" (click)="confirm()">
          @if (busy()) { <span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span> }
          {{ c.confirmLabel }}
        </button>
      </div>
    }
  `,
})
export class ReasonModalComponent {
  protected readonly modal = inject(NgbActiveModal);
  readonly config = signal<ReasonModalConfig | null>(null);
  protected readonly reason = signal('');
  protected readonly touched = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly problem = computed(() => reasonProblem(this.reason()));

  protected async confirm(): Promise<void> {
    const c = this.config();
    this.touched.set(true);
    if (!c || this.problem() || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await c.action(this.reason().trim());
      this.modal.close(this.reason().trim());
    } catch (err) {
      this.error.set(messageOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
