import { inject, Injectable } from '@angular/core';
import type { OrderDetailResponse, OrderListItemResponse, OrderResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';
import type { OrderFilters } from './order.models';

/** Orders: list (newest first), one with its state history, cancel (trader/admin). */
@Injectable({ providedIn: 'root' })
export class OrdersApi {
  private readonly api = inject(ApiClient);

  list(filters: OrderFilters, limit = 200): Promise<OrderListItemResponse[]> {
    const params: Record<string, string | number> = { limit };
    if (filters.accountId) params['accountId'] = filters.accountId;
    if (filters.status) params['status'] = filters.status;
    return this.api.get<OrderListItemResponse[]>('/orders', params);
  }

  get(id: number): Promise<OrderDetailResponse> {
    return this.api.get<OrderDetailResponse>(`/orders/${id}`);
  }

  /** Requests the cancel; CONFLICT when the order is no longer open. Answers with the order as stored. */
  cancel(id: number): Promise<OrderResponse> {
    return this.api.post<OrderResponse>(`/orders/${id}/cancel`);
  }
}
