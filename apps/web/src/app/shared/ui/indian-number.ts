const grouped = (digits: number) => new Intl.NumberFormat('en-IN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A number with Indian digit grouping (26,250.35; 1,50,000). */
export function indian(value: number, digits = 0): string {
  return grouped(digits).format(value);
}

/**
 * Rupees in words a trader reads at a glance: '₹1.5 lakh', '₹2.35 crore', '₹45,000' below a
 * lakh; negative with a minus. Input in rupees.
 */
export function lakhCroreRupees(rupees: number): string {
  const sign = rupees < 0 ? '−' : '';
  const v = Math.abs(rupees);
  if (v >= 1e7) return `${sign}₹${trim(v / 1e7)} crore`;
  if (v >= 1e5) return `${sign}₹${trim(v / 1e5)} lakh`;
  return `${sign}₹${indian(v, v % 1 === 0 ? 0 : 2)}`;
}

/** A count in lakh ('160.79 L' for 16,079,245), as NSE quotes open interest. */
export function inLakh(count: number): string {
  return `${trim(count / 1e5)} L`;
}

const trim = (v: number) => (Math.round(v * 100) / 100).toString();
