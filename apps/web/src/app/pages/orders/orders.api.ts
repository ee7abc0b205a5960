import { inject, Injectable } from '@angular/core';
import { ApiClient } from '../../core/api/api-client';
import type { OrderDetailView, OrderFilters, OrderView } from './order.models';

/** Orders: list (newest first), one with its state history, cancel (trader/admin). */
@Injectable({ providedIn: 'root' })
export class OrdersApi {
  private readonly api = inject(ApiClient);

  list(filters: OrderFilters, limit = 200): Promise<OrderView[]> {
    const params: Record<string, string | number> = { limit };
    if (filters.accountId) params['accountId'] = filters.accountId;
    if (filters.status) params['status'] = filters.status;
    return this.api.get<OrderView[]>('/orders', params);
  }

  get(id: number): Promise<OrderDetailView> {
    return this.api.get<OrderDetailView>(`/orders/${id}`);
  }

  /** Requests the cancel; CONFLICT when the order is no longer open. Answers with the order as stored. */
  cancel(id: number): Promise<OrderView> {
    return this.api.post<OrderView>(`/orders/${id}/cancel`);
  }
}
