import type { AnalyticsTrade } from '@mcube/domain';

const COLUMNS = ['id', 'accountId', 'strategy', 'underlying', 'entryAt', 'exitAt', 'exitReason', 'grossPnlPaise', 'chargesPaise', 'netPnlPaise', 'vixAtEntry', 'daysToExpiryAtEntry'] as const;

/** One CSV field: quoted when it holds a comma, quote or line break; a leading =,+,-,@ in text is prefixed with ' (no spreadsheet formula). */
function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  let s = String(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The trades as CSV (header row, CRLF line ends as RFC 4180), money in integer paise. */
export function tradesCsv(trades: readonly AnalyticsTrade[]): string {
  const rows = trades.map((t) => COLUMNS.map((c) => field((t as unknown as Record<string, unknown>)[c])).join(','));
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
