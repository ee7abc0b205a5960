import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NgbActiveModal } from '@ng-bootstrap/ng-bootstrap';
import type { OrderListItemResponse } from '@mcube/contracts';
import { PaisePricePipe } from './paise-price.pipe';

/** The cancel confirmation: names the order so the trader cancels the one they mean. */
@Component({
  selector: 'mc-cancel-order-confirm',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PaisePricePipe],
  template: `
    <div class="modal-header">
      <h2 class="modal-title h5" id="cancel-order-title">Cancel order #{{ order()?.id }}?</h2>
      <button type="button" class="btn-close" aria-label="Close" (click)="modal.dismiss()"></button>
    </div>
    <div class="modal-body">
      @if (order(); as o) {
        <p class="mb-2">
          <strong>{{ o.side }} {{ o.quantity }}</strong> {{ o.name }} at {{ o.limitPricePaise | paisePrice }} ({{ o.status }}, {{ o.filledQuantity }} filled).
        </p>
      }
      <p class="text-secondary small mb-0">Only the unfilled quantity is canceled; a fill that reaches the broker first still counts.</p>
    </div>
    <div class="modal-footer">
      <button type="button" class="btn btn-outline-secondary" (click)="modal.dismiss()">Keep it</button>
      <button type="button" class="btn btn-danger" data-testid="order-cancel-confirm" (click)="modal.close(true)">Cancel order</button>
    </div>
  `,
})
export class CancelOrderConfirmComponent {
  protected readonly modal = inject(NgbActiveModal);
  /** Set by the opener (a modal's content gets no template inputs). */
  readonly order = signal<OrderListItemResponse | null>(null);
}
