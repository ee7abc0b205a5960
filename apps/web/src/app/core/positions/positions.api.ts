import { inject, Injectable } from '@angular/core';
import type { LegExitOrderResponse, PositionDetailResponse, PositionExitOrdersResponse, PositionListItemResponse, PositionMarkResponse } from '@mcube/contracts';
import { ApiClient } from '../api/api-client';

/** Positions: list, detail with legs and greeks, P&L history, manual exit (trader/admin). */
@Injectable({ providedIn: 'root' })
export class PositionsApi {
  private readonly api = inject(ApiClient);

  list(): Promise<PositionListItemResponse[]> {
    return this.api.get<PositionListItemResponse[]>('/positions');
  }

  get(id: number): Promise<PositionDetailResponse> {
    return this.api.get<PositionDetailResponse>(`/positions/${id}`);
  }

  marks(id: number): Promise<PositionMarkResponse[]> {
    return this.api.get<PositionMarkResponse[]>(`/positions/${id}/marks`);
  }

  /** Sends one EXIT order per open leg through the gateway; rejects with CONFLICT when not ACTIVE. */
  exit(id: number, reason: string): Promise<PositionExitOrdersResponse> {
    return this.api.post<PositionExitOrdersResponse>(`/positions/${id}/exit`, { reason });
  }

  /** Sends one EXIT order for the leg's open units; rejects with CONFLICT when it is flat or its exit already works. */
  exitLeg(id: number, legId: number, reason: string): Promise<LegExitOrderResponse> {
    return this.api.post<LegExitOrderResponse>(`/positions/${id}/legs/${legId}/exit`, { reason });
  }
}
