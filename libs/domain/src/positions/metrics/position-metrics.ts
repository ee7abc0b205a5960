import { daysBetween, type IsoDate, type IstTime } from '../../time/ist-date';
import { expiryPayoffShape } from './expiry-payoff';
import type { MetricsLeg } from './metrics-leg';
import { openLegs, sideSign } from './metrics-leg';
import { netGreeks, type NetGreeks } from './net-greeks';
import { nextExitRule, type NextExitRule } from './next-exit-rule';
import { probabilityOfProfit } from './probability-of-profit';

/** The strangle's exit thresholds (percent fields are percentages: 70 = 70%). */
export interface MetricsExitRules {
  readonly targetPct: number;
  readonly stopLossPct: number;
  readonly perPositionStopPaise: number;
  readonly eodTime: IstTime;
  readonly eodMinProfitPct: number;
}

/** Inputs of {@link positionMetrics}. */
export interface PositionMetricsInput {
  readonly legs: readonly MetricsLeg[];
  readonly spot: number | null;
  readonly realizedPnlPaise: number;
  readonly unrealizedPnlPaise: number;
  /** Margin the position blocks, paise; 0 or null when unknown. */
  readonly marginBlockedPaise: number | null;
  readonly expiryDate: IsoDate;
  /** Market date and IST time now (the market clock). */
  readonly today: IsoDate;
  readonly now: IstTime;
  /** Time to the expiry's close in years (ACT/365). */
  readonly yearsToExpiry: number;
  readonly isTradingDay: boolean;
  readonly nextTradingDay: IsoDate;
  /** The strategy's exit rules; null for a position no premium rule governs (no progress or next rule then). */
  readonly exitRules: MetricsExitRules | null;
}

/** Spot's cushion to one short strike: positive while the strike is out of the money. */
export interface ShortStrikeDistance {
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  readonly points: number;
  /** Percent of spot (1.5 = 1.5%). */
  readonly pct: number;
  /** In standard deviations of the move to expiry (ln(strike/spot) / σ√T); null without an IV or time. */
  readonly sigmas: number | null;
}

/** Sensibull-style risk figures of one position (see {@link positionMetrics}). */
export interface PositionMetrics {
  readonly maxProfitPaise: number | null;
  readonly maxLossPaise: number | null;
  readonly maxProfitUnlimited: boolean;
  readonly maxLossUnlimited: boolean;
  readonly breakevens: number[];
  /** Fraction 0..1; null without spot, IV or time. */
  readonly probabilityOfProfit: number | null;
  /** Net premium of the open option legs (credit positive), paise. */
  readonly premiumCollectedPaise: number;
  /** What closing the open legs costs at their last marks, paise; null while a leg is unmarked. */
  readonly costToClosePaise: number | null;
  /** Percent of the premium kept so far (premium − cost to close); null without a credit or marks. */
  readonly capturedPct: number | null;
  readonly marginBlockedPaise: number | null;
  /** Net P&L (realised + open) as a percent of the margin blocked. */
  readonly returnOnMarginPct: number | null;
  /** Calendar days from today to expiry (0 on the expiry day). */
  readonly daysToExpiry: number;
  /** The volatility used for probability and σ distances: mean IV of the open option legs, fraction. */
  readonly vol: number | null;
  readonly shortStrikes: ShortStrikeDistance[];
  readonly greeks: NetGreeks | null;
  /** Profit needed for the target (targetPct of premium), paise; progress 0..100 toward it. */
  readonly targetProfitPaise: number | null;
  readonly targetProgressPct: number | null;
  /** Loss that stops the position (the lower of stopLossPct of premium and the per-position stop), paise; progress 0..100 toward it. */
  readonly stopLossPaise: number | null;
  readonly stopProgressPct: number | null;
  readonly nextExitRule: NextExitRule | null;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const clampPct = (v: number) => Math.min(Math.max(round2(v), 0), 100);

/** Net premium (credit +) of the open option legs at a price per unit picked by `priceOf`; null if any price is missing. */
function netPremium(legs: readonly MetricsLeg[], priceOf: (l: MetricsLeg) => number | null): number | null {
  let sum = 0;
  for (const l of legs) {
    const price = priceOf(l);
    if (price === null) return null;
    sum -= sideSign(l) * l.quantity * price;
  }
  return sum;
}

/**
 * The figures a trader reads a position by, from its legs, spot and the market clock. Pure.
 * Payoff figures (max profit/loss, breakevens, probability) are at expiry and include what
 * closed legs realised; premium, greeks and distances cover the open legs only. The progress
 * bars and the next exit rule follow `strangleExitDecision`'s thresholds (profit = premium −
 * cost to close).
 */
export function positionMetrics(input: PositionMetricsInput): PositionMetrics {
  const open = openLegs(input.legs);
  const options = open.filter((l) => l.optionType !== null && l.strike !== null);
  const shape = expiryPayoffShape(input.legs, input.realizedPnlPaise);
  const ivs = options.flatMap((l) => (l.greeks?.iv ? [l.greeks.iv] : []));
  const vol = ivs.length > 0 ? ivs.reduce((a, b) => a + b, 0) / ivs.length : null;
  const years = input.yearsToExpiry;
  const spot = input.spot;
  const premium = netPremium(options, (l) => l.entryPricePaise) ?? 0;
  const cost = netPremium(options, (l) => l.lastPricePaise);
  const capturedPct = premium > 0 && cost !== null ? round2(((premium - cost) / premium) * 100) : null;
  const net = input.realizedPnlPaise + input.unrealizedPnlPaise;
  const margin = input.marginBlockedPaise !== null && input.marginBlockedPaise > 0 ? input.marginBlockedPaise : null;
  const shortStrikes = spot !== null && spot > 0
    ? options.filter((l) => l.side === 'SELL').map((l): ShortStrikeDistance => {
        const strike = l.strike as number;
        const type = l.optionType as 'CE' | 'PE';
        const points = type === 'CE' ? strike - spot : spot - strike;
        const legVol = l.greeks?.iv || vol;
        const sigmas = legVol && years > 0 ? (Math.sign(points) * Math.abs(Math.log(strike / spot))) / (legVol * Math.sqrt(years)) : null;
        return { optionType: type, strike, points: round2(points), pct: round2((points / spot) * 100), sigmas: sigmas === null ? null : round2(sigmas) };
      })
    : [];
  const rules = input.exitRules;
  const hasPremiumRule = rules !== null && premium > 0 && open.length > 0;
  const targetProfit = hasPremiumRule ? Math.round((premium * rules.targetPct) / 100) : null;
  const stopLoss = hasPremiumRule ? Math.min(Math.round((premium * rules.stopLossPct) / 100), rules.perPositionStopPaise) : null;
  const profit = cost !== null ? premium - cost : null;
  return {
    maxProfitPaise: shape.maxProfitPaise,
    maxLossPaise: shape.maxLossPaise,
    maxProfitUnlimited: shape.maxProfitPaise === null,
    maxLossUnlimited: shape.maxLossPaise === null,
    breakevens: shape.breakevens,
    probabilityOfProfit: open.length > 0 ? probabilityOfProfit({ intervals: shape.profitIntervals, spot, vol, years }) : null,
    premiumCollectedPaise: Math.round(premium),
    costToClosePaise: cost === null ? null : Math.round(cost),
    capturedPct,
    marginBlockedPaise: margin,
    returnOnMarginPct: margin ? round2((net / margin) * 100) : null,
    daysToExpiry: Math.max(daysBetween(input.today, input.expiryDate), 0),
    vol: vol === null ? null : Math.round(vol * 1e4) / 1e4,
    shortStrikes,
    greeks: netGreeks(input.legs),
    targetProfitPaise: targetProfit,
    targetProgressPct: targetProfit && profit !== null ? clampPct((profit / targetProfit) * 100) : null,
    stopLossPaise: stopLoss,
    stopProgressPct: stopLoss && profit !== null ? clampPct((-profit / stopLoss) * 100) : null,
    nextExitRule: hasPremiumRule
      ? nextExitRule({ today: input.today, now: input.now, isTradingDay: input.isTradingDay, nextTradingDay: input.nextTradingDay, expiryDate: input.expiryDate, eodTime: rules.eodTime, eodMinProfitPct: rules.eodMinProfitPct, capturedPct })
      : null,
  };
}
