import { inject, Injectable } from '@angular/core';
import type { PositionDetailResponse, PositionMarkResponse } from '@mcube/contracts';
import { ApiClient } from '../api/api-client';

/** GET /api/positions item: the stored position row (the fields the console shows; the detail's without legs, greeks and spot). Paise. */
export type PositionRowView = Omit<PositionDetailResponse, 'legs' | 'netDelta' | 'spot' | 'metrics'> & {
  /** Net delta at the last mark (units × delta). */
  currentDelta: number | null;
};

/** POST /api/positions/:id/exit answer: one gateway result per open leg. */
export interface ManualExitResult {
  positionId: number;
  reason: string;
  exits: unknown[];
}

/** POST /api/positions/:id/legs/:legId/exit answer: the gateway's result for the leg's one EXIT order. */
export interface LegExitResult {
  positionId: number;
  legId: number;
  reason: string;
  exit: { statuses: string[] };
}

/** Positions: list, detail with legs and greeks, P&L history, manual exit (trader/admin). */
@Injectable({ providedIn: 'root' })
export class PositionsApi {
  private readonly api = inject(ApiClient);

  list(): Promise<PositionRowView[]> {
    return this.api.get<PositionRowView[]>('/positions');
  }

  get(id: number): Promise<PositionDetailResponse> {
    return this.api.get<PositionDetailResponse>(`/positions/${id}`);
  }

  marks(id: number): Promise<PositionMarkResponse[]> {
    return this.api.get<PositionMarkResponse[]>(`/positions/${id}/marks`);
  }

  /** Sends one EXIT order per open leg through the gateway; rejects with CONFLICT when not ACTIVE. */
  exit(id: number, reason: string): Promise<ManualExitResult> {
    return this.api.post<ManualExitResult>(`/positions/${id}/exit`, { reason });
  }

  /** Sends one EXIT order for the leg's open units; rejects with CONFLICT when it is flat or its exit already works. */
  exitLeg(id: number, legId: number, reason: string): Promise<LegExitResult> {
    return this.api.post<LegExitResult>(`/positions/${id}/legs/${legId}/exit`, { reason });
  }
}
