import { reasonText, type OrderStatus, type OrderListItemResponse, ORDER_STATUSES } from '@mcube/contracts';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AccountsApi } from '../../core/accounts/accounts.api';
import { AuthService } from '../../core/auth/auth.service';
import { LiveSocketService } from '../../core/live/live-socket.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { OrderCancelFlow } from './order-cancel.service';
import { ORDER_STATUS_WORDS, type OrderFilters } from './order.models';
import { applyOrderUpdate, isCancellable, orderTime, statusTone } from './order-rules';
import { OrdersApi } from './orders.api';
import { PaisePricePipe } from './paise-price.pipe';

/** Orders, newest first, filtered by account and status; kept current by `order.updated`. */
@Component({
  selector: 'mc-orders-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, FormsModule, RouterLink, LoadStateComponent, PaisePricePipe],
  templateUrl: './orders.page.html',
})
export class OrdersPage {
  private readonly api = inject(OrdersApi);
  private readonly cancelFlow = inject(OrderCancelFlow);
  private readonly accountsApi = inject(AccountsApi);
  protected readonly auth = inject(AuthService);
  protected readonly statuses = ORDER_STATUSES;
  protected readonly statusWords = ORDER_STATUS_WORDS;
  protected readonly reasonText = reasonText;
  protected readonly statusTone = statusTone;
  protected readonly isCancellable = isCancellable;
  protected readonly orderTime = orderTime;

  protected readonly accounts = asyncResource(() => this.accountsApi.list());
  protected readonly brokerOf = computed(() => new Map((this.accounts.value() ?? []).map((a) => [a.id, a.broker])));
  protected readonly accountId = signal<number | null>(null);
  protected readonly status = signal<OrderStatus | null>(null);
  private readonly filters = computed<OrderFilters>(() => ({ accountId: this.accountId() ?? undefined, status: this.status() ?? undefined }));
  protected readonly orders = asyncResource(() => this.api.list(this.filters()));

  constructor() {
    inject(LiveSocketService)
      .on('order.updated')
      .pipe(takeUntilDestroyed())
      .subscribe((event) => {
        const list = this.orders.value();
        if (!list) return;
        const { orders, refetch } = applyOrderUpdate(list, event, this.filters());
        this.orders.value.set(orders);
        if (refetch) void this.orders.reload();
      });
  }

  protected setAccount(value: number | null): void {
    this.accountId.set(value);
    void this.orders.reload();
  }

  protected setStatus(value: OrderStatus | null): void {
    this.status.set(value);
    void this.orders.reload();
  }

  protected async cancel(order: OrderListItemResponse): Promise<void> {
    if (await this.cancelFlow.confirmAndCancel(order)) await this.orders.reload();
  }
}
