/** GET /api/alerts: one alert (newest first). */
export interface AlertResponse {
  id: number;
  accountId: number | null;
  severity: 'INFO' | 'WARNING' | 'CRITICAL';
  category: string;
  title: string;
  message: string;
  occurredAtMs: number;
  acknowledgedAtMs: number | null;
  acknowledgedBy: string | null;
}
