/** One dependency's state in a health answer (`up`/`down`, with its own details). */
export type HealthIndicatorResponse = Partial<Record<string, { status: 'up' | 'down'; [detail: string]: unknown }>>;

/** GET /api/health: 200 when every dependency is up, 503 otherwise (same body). */
export interface HealthResponse {
  status: 'ok' | 'error' | 'shutting_down';
  info?: HealthIndicatorResponse;
  error?: HealthIndicatorResponse;
  details: HealthIndicatorResponse;
}
