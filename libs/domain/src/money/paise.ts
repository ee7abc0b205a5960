import { DomainError } from '../errors/domain-error';
import { assertFinite } from '../validation/assert';

/** An amount of rupees in integer paise (₹1 = 100 paise). Never a float in the ledger. */
export type Paise = number;

/** Throws INVALID_ARGUMENT unless `value` is a safe integer number of paise. */
export function assertPaise(name: string, value: unknown): asserts value is Paise {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new DomainError('INVALID_ARGUMENT', `${name} must be a whole number of paise, got ${String(value)}`, { [name]: value });
  }
}

/** Whole rupees to paise (exact for whole rupees). */
export function rupees(amount: number): Paise {
  if (!Number.isSafeInteger(amount)) {
    throw new DomainError('INVALID_ARGUMENT', `rupees() takes whole rupees, got ${amount}; use parseRupees for decimals`);
  }
  return amount * 100;
}

/**
 * Parses a decimal rupee string such as '1234.5', '-0.05' or '6,00,00,000' into paise
 * without binary floating point. More than two decimals is an error, not a rounding.
 */
export function parseRupees(text: string): Paise {
  const clean = typeof text === 'string' ? text.replace(/[,\s₹]/g, '') : '';
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(clean);
  if (!m) throw new DomainError('INVALID_ARGUMENT', `not a rupee amount with at most 2 decimals: ${String(text)}`);
  const paise = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(paise)) throw new DomainError('INVALID_ARGUMENT', `rupee amount too large: ${text}`);
  return m[1] === '-' ? -paise : paise;
}

/** Formats paise as an Indian-grouped rupee string, e.g. 6000000000 → '₹6,00,00,000.00'. */
export function formatPaise(paise: Paise): string {
  assertPaise('paise', paise);
  const sign = paise < 0 ? '-' : '';
  const abs = Math.abs(paise);
  const whole = Math.floor(abs / 100).toString();
  const frac = (abs % 100).toString().padStart(2, '0');
  const last3 = whole.slice(-3);
  const rest = whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  return `${sign}₹${rest ? `${rest},${last3}` : last3}.${frac}`;
}

/**
 * A rupee price in whole paise, rounded to the nearest paisa. Exact for real quotes (NSE quotes
 * to ₹0.05); this is the one place a price crosses from rupees into the integer ledger.
 * It does not validate: callers that accept outside input check it first (`assertFinite`).
 */
export function paiseOfPrice(price: number): Paise {
  return Math.round(price * 100);
}

/**
 * Price (rupees, up to 2 decimals as quoted by NSE, tick ₹0.05) × quantity in paise,
 * rounded to the nearest paisa. Prices are converted through integer paise first so
 * the product is exact.
 */
export function notionalPaise(price: number, quantity: number): Paise {
  assertFinite('price', price);
  assertFinite('quantity', quantity);
  return paiseOfPrice(price) * quantity;
}

/**
 * `paise × numerator / denominator` rounded half away from zero, computed in BigInt so
 * that rates such as 0.03553% (3553 / 10,000,000) are applied exactly.
 */
export function mulDivPaise(paise: Paise, numerator: number | bigint, denominator: number | bigint): Paise {
  assertPaise('paise', paise);
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) throw new DomainError('INVALID_ARGUMENT', 'denominator must not be 0');
  const num = BigInt(paise) * n;
  const neg = num < 0n !== d < 0n;
  const a = num < 0n ? -num : num;
  const b = d < 0n ? -d : d;
  const q = (a * 2n + b) / (b * 2n);
  return Number(neg ? -q : q);
}

/**
 * A fraction of an amount in paise, with the fraction given as a decimal number such as
 * 0.5 or 0.4. The fraction is turned into an exact ratio of integers (up to 9 decimals)
 * so no binary rounding error reaches the ledger; the result is rounded down (a cap
 * must never be exceeded by rounding).
 */
export function fractionOfPaise(paise: Paise, fraction: number): Paise {
  assertPaise('paise', paise);
  assertFinite('fraction', fraction);
  const scale = 1_000_000_000n;
  const num = BigInt(Math.round(fraction * 1e9));
  const prod = BigInt(paise) * num;
  const q = prod / scale;
  // BigInt division truncates toward zero; floor for negatives.
  return Number(prod < 0n && q * scale !== prod ? q - 1n : q);
}
