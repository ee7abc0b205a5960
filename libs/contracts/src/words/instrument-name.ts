const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** What names a contract: its underlying, expiry (YYYY-MM-DD), and strike with CE/PE for an option. */
export interface InstrumentNameInput {
  underlying: string;
  expiryDate: string;
  strike: number | null;
  /** CE / PE; null (or FUT) for a future. */
  optionType: string | null;
}

/**
 * A contract as a trader says it: 'NIFTY 08 Dec 26750 CE', 'NIFTY 29 Dec FUT', not the
 * broker's symbol. The year is added when it is not `currentYear` (an LEAP or an old row).
 */
export function instrumentName(i: InstrumentNameInput, currentYear?: number): string {
  const [y, m, d] = i.expiryDate.split('-').map(Number);
  const date = Number.isFinite(m) && m >= 1 && m <= 12 ? `${String(d).padStart(2, '0')} ${MONTHS[m - 1]}${currentYear !== undefined && y !== currentYear ? ` ${y}` : ''}` : i.expiryDate;
  const isOption = (i.optionType === 'CE' || i.optionType === 'PE') && i.strike !== null;
  return isOption ? `${i.underlying} ${date} ${i.strike} ${i.optionType}` : `${i.underlying} ${date} FUT`;
}
