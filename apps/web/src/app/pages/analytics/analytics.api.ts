import { inject, Injectable } from '@angular/core';
import type { AnalyticsReport, LearningResponse, LearningSuggestionResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** The period and account an analytics report covers (IST dates, inclusive; absent = open-ended). */
export interface AnalyticsFilter {
  from?: string;
  to?: string;
  accountId?: number;
}

/** Query parameters of a filter (only the fields set). */
export function filterParams(f: AnalyticsFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && v !== null).map(([k, v]) => [k, String(v)]));
}

/** Analytics and the learning loop: reports, the CSV export link, suggestions (accept/dismiss: trader or admin). */
@Injectable({ providedIn: 'root' })
export class AnalyticsApi {
  private readonly api = inject(ApiClient);

  report(f: AnalyticsFilter): Promise<AnalyticsReport> {
    return this.api.get<AnalyticsReport>('/analytics', filterParams(f));
  }

  /** Same-origin link: the session cookie goes with it; a GET needs no CSRF token. */
  csvUrl(f: AnalyticsFilter): string {
    const q = new URLSearchParams(filterParams(f)).toString();
    return `/api/analytics/trades.csv${q ? `?${q}` : ''}`;
  }

  learning(): Promise<LearningResponse> {
    return this.api.get<LearningResponse>('/analytics/learning');
  }

  accept(id: number): Promise<LearningSuggestionResponse> {
    return this.api.post<LearningSuggestionResponse>(`/analytics/learning/suggestions/${id}/accept`);
  }

  dismiss(id: number): Promise<LearningSuggestionResponse> {
    return this.api.post<LearningSuggestionResponse>(`/analytics/learning/suggestions/${id}/dismiss`);
  }
}
