import { DECISION_REASON_TEXTS, FILTER_NAME_TEXTS } from './decision-reason-texts';
import { RISK_DENIAL_TEXTS } from './risk-reason-texts';

const lookup = <T extends object>(map: T, key: string): string | null => (Object.prototype.hasOwnProperty.call(map, key) ? (map as Record<string, string>)[key] : null);

/** The words of an entry filter name ('MARKET_REGIME' → 'Market regime (VIX and Bollinger bands)'); the name itself when unknown. */
export function filterNameText(name: string): string {
  return lookup(FILTER_NAME_TEXTS, name) ?? name;
}

/**
 * The sentence for a risk-denial or decision reason code, or null when the code is unknown
 * (the console then shows the code and the stored reason only). `FILTER_FAILED:<name>` reads
 * as the failed filter in words.
 */
export function reasonText(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code.startsWith('FILTER_FAILED:')) return `Entry filter failed: ${filterNameText(code.slice('FILTER_FAILED:'.length))}.`;
  return lookup(RISK_DENIAL_TEXTS, code) ?? lookup(DECISION_REASON_TEXTS, code);
}
