/** One month's cell of the heat grid. */
export interface HeatCell {
  netPnlPaise: number;
  color: string;
  title: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The colour of a month against its target: green at or above it (deeper the further), amber below but positive, red a loss. */
function colorOf(net: number, target: number): string {
  if (net < 0) return `rgba(220, 53, 69, ${Math.min(0.8, 0.25 + Math.abs(net) / Math.max(target, 1) / 2)})`;
  if (target > 0 && net >= target) return `rgba(25, 135, 84, ${Math.min(0.8, 0.3 + (net / target - 1) / 2)})`;
  return 'rgba(255, 193, 7, 0.35)';
}

/** The report's monthly rows as a year × month grid coloured against the target. */
export function monthlyHeat(rows: readonly { month: string; netPnlPaise: number; targetPaise: number }[]): { months: string[]; years: { year: string; cells: (HeatCell | null)[] }[]; targetPaise: number | null } {
  const years = [...new Set(rows.map((r) => r.month.slice(0, 4)))].sort();
  return {
    months: MONTHS,
    targetPaise: rows[0]?.targetPaise ?? null,
    years: years.map((year) => ({
      year,
      cells: MONTHS.map((_, i) => {
        const row = rows.find((r) => r.month === `${year}-${String(i + 1).padStart(2, '0')}`);
        if (!row) return null;
        const pct = row.targetPaise > 0 ? Math.round((100 * row.netPnlPaise) / row.targetPaise) : null;
        return { netPnlPaise: row.netPnlPaise, color: colorOf(row.netPnlPaise, row.targetPaise), title: `${row.month}: ${pct === null ? 'no target' : `${pct}% of the target`}` };
      }),
    })),
  };
}
