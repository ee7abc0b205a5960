import { DomainError } from '../errors/domain-error';
import { assertNonNegative, assertPositive } from '../validation/assert';
import { StrikeOi } from '../strangle/support-resistance';
import { ICICI_FUTURES_DEFAULTS } from './futures.defaults';

/** A directional reading. */
export type MarketSignal = 'BULLISH' | 'BEARISH' | 'NEUTRAL';

/** Inputs of {@link analyzeOpenInterest}. */
export interface OpenInterestInput {
  readonly futures: { readonly oi: number; readonly prevOi: number; readonly ltp: number; readonly prevClose: number };
  readonly calls: readonly StrikeOi[];
  readonly puts: readonly StrikeOi[];
  /** Significant |OI change|, percent; default 5. */
  readonly oiChangeThresholdPct?: number;
  /** Default 1.3. */
  readonly pcrBullishAbove?: number;
  /** Default 0.7. */
  readonly pcrBearishBelow?: number;
}

/** Result of {@link analyzeOpenInterest}. */
export interface OpenInterestAnalysis {
  readonly signal: MarketSignal;
  /** 0.85 when futures and options agree, else 0.65. */
  readonly confidence: number;
  readonly futuresSignal: MarketSignal;
  readonly optionsSignal: MarketSignal;
  readonly futuresReason: string;
  /** Total put OI ÷ total call OI; 0 when there is no call OI. */
  readonly pcr: number;
  readonly oiChangePct: number;
  readonly priceChangePct: number;
}

const signed = (v: number) => `${v > 0 ? '+' : ''}${v.toFixed(1)}%`;

/**
 * OI analysis exactly as plan §6 `analyze_oi`: with OI change and price change in percent,
 * OI > +5 & price > 0 → long buildup (BULLISH); OI > +5 & price < 0 → short buildup
 * (BEARISH); OI < −5 & price > 0 → short covering (BULLISH); OI < −5 & price < 0 → long
 * unwinding (BEARISH); anything else (including exactly ±5 or an unchanged price) NEUTRAL,
 * "No significant OI change". PCR > 1.3 BULLISH, < 0.7 BEARISH. Both signals the same
 * direction → that signal with 0.85; otherwise the futures signal with 0.65 (as the plan,
 * so two NEUTRALs give NEUTRAL 0.65; no call OI gives PCR 0, hence BEARISH options). Reasons read like the plan:
 * `Long buildup: OI +6.0%, Price +1.2%`.
 *
 * @throws DomainError INVALID_ARGUMENT for non-positive previous OI or prices, negative OI.
 */
export function analyzeOpenInterest(input: OpenInterestInput): OpenInterestAnalysis {
  const { futures, calls, puts } = input;
  const d = ICICI_FUTURES_DEFAULTS;
  const threshold = input.oiChangeThresholdPct ?? d.oiChangeThresholdPct;
  const bullAbove = input.pcrBullishAbove ?? d.pcrBullishAbove;
  const bearBelow = input.pcrBearishBelow ?? d.pcrBearishBelow;
  assertNonNegative('futures.oi', futures.oi);
  assertPositive('futures.prevOi', futures.prevOi);
  assertPositive('futures.ltp', futures.ltp);
  assertPositive('futures.prevClose', futures.prevClose);
  assertNonNegative('oiChangeThresholdPct', threshold);
  if (!(bearBelow <= bullAbove)) throw new DomainError('INVALID_ARGUMENT', `pcrBearishBelow ${bearBelow} must not exceed pcrBullishAbove ${bullAbove}`);

  const oiChangePct = ((futures.oi - futures.prevOi) / futures.prevOi) * 100;
  const priceChangePct = ((futures.ltp - futures.prevClose) / futures.prevClose) * 100;
  // Threshold tests on the raw quantities (no division), so exactly ±5% is never noise-shifted.
  const oiUp = (futures.oi - futures.prevOi) * 100 > threshold * futures.prevOi;
  const oiDown = (futures.prevOi - futures.oi) * 100 > threshold * futures.prevOi;
  const priceUp = futures.ltp > futures.prevClose;
  const priceDown = futures.ltp < futures.prevClose;
  let futuresSignal: MarketSignal = 'NEUTRAL';
  let futuresReason = 'No significant OI change';
  if (oiUp && priceUp) {
    [futuresSignal, futuresReason] = ['BULLISH', `Long buildup: OI ${signed(oiChangePct)}, Price ${signed(priceChangePct)}`];
  } else if (oiUp && priceDown) {
    [futuresSignal, futuresReason] = ['BEARISH', `Short buildup: OI ${signed(oiChangePct)}, Price ${signed(priceChangePct)}`];
  } else if (oiDown && priceUp) {
    [futuresSignal, futuresReason] = ['BULLISH', `Short covering: OI ${signed(oiChangePct)}, Price ${signed(priceChangePct)}`];
  } else if (oiDown && priceDown) {
    [futuresSignal, futuresReason] = ['BEARISH', `Long unwinding: OI ${signed(oiChangePct)}, Price ${signed(priceChangePct)}`];
  }

  let callOi = 0;
  let putOi = 0;
  for (const c of calls) {
    assertNonNegative('call oi', c.oi);
    callOi += c.oi;
  }
  for (const p of puts) {
    assertNonNegative('put oi', p.oi);
    putOi += p.oi;
  }
  const pcr = callOi > 0 ? putOi / callOi : 0;
  const optionsSignal: MarketSignal = pcr > bullAbove ? 'BULLISH' : pcr < bearBelow ? 'BEARISH' : 'NEUTRAL';

  const agree = futuresSignal === optionsSignal && futuresSignal !== 'NEUTRAL';
  return {
    signal: futuresSignal,
    confidence: agree ? 0.85 : 0.65,
    futuresSignal,
    optionsSignal,
    futuresReason,
    pcr,
    oiChangePct,
    priceChangePct,
  };
}
