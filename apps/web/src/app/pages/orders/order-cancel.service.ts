import { inject, Injectable } from '@angular/core';
import { NgbModal } from '@ng-bootstrap/ng-bootstrap';
import type { OrderListItemResponse, OrderResponse } from '@mcube/contracts';
import { messageOf } from '../../core/api/api-error';
import { Notifier } from '../../core/notify/notifier.service';
import { CancelOrderConfirmComponent } from './cancel-order-confirm.component';
import { OrdersApi } from './orders.api';

/** Asks for confirmation, then requests the cancel; tells the trader what happened either way. */
@Injectable({ providedIn: 'root' })
export class OrderCancelFlow {
  private readonly modal = inject(NgbModal);
  private readonly api = inject(OrdersApi);
  private readonly notifier = inject(Notifier);

  /** The order as stored after the cancel request, or null when not confirmed or refused. */
  async confirmAndCancel(order: OrderListItemResponse): Promise<OrderResponse | null> {
    const ref = this.modal.open(CancelOrderConfirmComponent, { centered: true, ariaLabelledBy: 'cancel-order-title' });
    (ref.componentInstance as CancelOrderConfirmComponent).order.set(order);
    const confirmed = await ref.result.then(
      () => true,
      () => false,
    );
    if (!confirmed) return null;
    try {
      const stored = await this.api.cancel(order.id);
      this.notifier.success(`Cancel of order #${order.id} requested: ${stored.status}.`);
      return stored;
    } catch (err) {
      this.notifier.error(`Order #${order.id} was not canceled: ${messageOf(err)}`);
      return null;
    }
  }
}
