import { reasonText } from '@mcube/contracts';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, numberAttribute, OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { filter } from 'rxjs';
import { AccountsApi } from '../../core/accounts/accounts.api';
import { AuthService } from '../../core/auth/auth.service';
import { LiveSocketService } from '../../core/live/live-socket.service';
import { asyncResource } from '../../shared/ui/async-resource';
import { LoadStateComponent } from '../../shared/ui/load-state.component';
import { OrderCancelFlow } from './order-cancel.service';
import { isCancellable, orderTime, statusTone } from './order-rules';
import { OrderTimelineComponent } from './order-timeline.component';
import { OrdersApi } from './orders.api';
import { PaisePricePipe } from './paise-price.pipe';

/** One order (route orders/:id): its fields, its state history as a timeline, and a cancel while it works. */
@Component({
  selector: 'mc-order-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, LoadStateComponent, OrderTimelineComponent, PaisePricePipe],
  templateUrl: './order-detail.page.html',
})
export class OrderDetailPage implements OnInit {
  protected readonly reasonText = reasonText;
  private readonly api = inject(OrdersApi);
  private readonly cancelFlow = inject(OrderCancelFlow);
  private readonly accountsApi = inject(AccountsApi);
  protected readonly auth = inject(AuthService);
  protected readonly statusTone = statusTone;
  protected readonly isCancellable = isCancellable;
  protected readonly orderTime = orderTime;
  /** The route's `:id` (component input binding). */
  readonly id = input.required({ transform: numberAttribute });
  protected readonly order = asyncResource(() => this.api.get(this.id()), { immediate: false });
  private readonly accounts = asyncResource(() => this.accountsApi.list());
  /** "KOTAK · Kotak Securities" for the order's account (its id until the accounts load). */
  protected readonly accountLabel = computed(() => {
    const o = this.order.value();
    const a = o ? this.accounts.value()?.find((x) => x.id === o.accountId) : undefined;
    return a ? `${a.broker} · ${a.name}` : String(o?.accountId ?? '');
  });

  constructor() {
    // Each state change of this order adds a history event: refetch it once per event.
    inject(LiveSocketService)
      .on('order.updated')
      .pipe(
        filter((e) => e.orderId === this.id()),
        takeUntilDestroyed(),
      )
      .subscribe(() => void this.order.reload());
  }

  ngOnInit(): void {
    void this.order.reload();
  }

  protected async cancel(): Promise<void> {
    const current = this.order.value();
    if (current && (await this.cancelFlow.confirmAndCancel(current))) await this.order.reload();
  }
}
