import { DomainError } from '../errors/domain-error';
import { assertFinite, assertPositive } from '../validation/assert';
import { BlackScholesInput, greeksUnchecked, OptionGreeks } from './black-scholes';
import { assertCallPut, CallPut } from './call-put';
import { ImpliedVolatilityInput, ImpliedVolatilityOutcome, impliedVolatilityUnchecked } from './implied-volatility';

/** One quoted option of a chain: its strike, right and premium in rupees. */
export interface ChainQuote {
  strike: number;
  type: CallPut;
  price: number;
}

/** A chain snapshot: one underlying level, one expiry, many quotes. */
export interface PriceChainInput {
  spot: number;
  /** Time to expiry in years (> 0). */
  years: number;
  rate: number;
  dividendYield?: number;
  options: readonly ChainQuote[];
}

/** A quote whose premium implies a volatility, with the greeks at that volatility. */
export interface PricedChainRow extends ChainQuote {
  status: 'OK';
  iv: number;
  greeks: OptionGreeks;
}

/**
 * A quote that implies no volatility: premium equal to intrinsic value (NO_TIME_VALUE),
 * below it, or at/above the no-arbitrage cap (stale or crossed quotes are real in a chain).
 */
export interface UnpricedChainRow extends ChainQuote {
  status: 'NO_TIME_VALUE' | 'BELOW_INTRINSIC' | 'AT_OR_ABOVE_CAP';
  iv: null;
  greeks: null;
}

/** One row of `priceChain`'s result, in the order of the input quotes. */
export type ChainRow = PricedChainRow | UnpricedChainRow;

/**
 * Implied volatility and greeks (units of `blackScholes`) for every quote of a chain. A
 * premium outside the no-arbitrage bounds is a row status, not an exception, so one stale
 * quote does not hide the other 599. Validates once and reuses its scratch inputs, so the
 * only allocations are the result rows.
 *
 * @throws DomainError INVALID_ARGUMENT for a bad spot, years (must be > 0), rate or
 *   dividendYield, or a quote with a strike not > 0, a non-finite price or a bad type
 *   (context: the quote's index).
 */
export function priceChain(input: PriceChainInput): ChainRow[] {
  const { spot, years, rate, options } = input;
  const dividendYield = input.dividendYield ?? 0;
  assertPositive('spot', spot);
  assertPositive('years', years);
  assertFinite('rate', rate);
  assertFinite('dividendYield', dividendYield);
  if (!Array.isArray(options)) throw new DomainError('INVALID_ARGUMENT', 'options must be an array of quotes', {});
  const ivInput: ImpliedVolatilityInput = { price: 0, spot, strike: 1, years, rate, type: 'CE', dividendYield };
  const bsInput: BlackScholesInput = { spot, strike: 1, years, rate, vol: 1, type: 'CE', dividendYield };
  const outcome: ImpliedVolatilityOutcome = { status: 'INSIDE', vol: 0, intrinsic: 0, cap: 0 };
  const rows: ChainRow[] = new Array(options.length);
  for (let i = 0; i < options.length; i++) {
    const { strike, type, price } = options[i];
    validateQuote(i, strike, type, price);
    ivInput.price = price;
    ivInput.strike = strike;
    ivInput.type = type;
    impliedVolatilityUnchecked(ivInput, outcome);
    if (outcome.status !== 'INSIDE') {
      const status = outcome.status === 'AT_INTRINSIC' ? 'NO_TIME_VALUE' : outcome.status;
      rows[i] = { strike, type, price, status, iv: null, greeks: null };
      continue;
    }
    bsInput.strike = strike;
    bsInput.type = type;
    bsInput.vol = outcome.vol;
    rows[i] = { strike, type, price, status: 'OK', iv: outcome.vol, greeks: greeksUnchecked(bsInput) };
  }
  return rows;
}

function validateQuote(index: number, strike: number, type: CallPut, price: number): void {
  try {
    assertPositive('strike', strike);
    assertCallPut('type', type);
    assertFinite('price', price);
  } catch (error) {
    if (error instanceof DomainError) {
      throw new DomainError(error.code, `options[${index}]: ${error.message}`, { ...error.context, index });
    }
    throw error;
  }
}
