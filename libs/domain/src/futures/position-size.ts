import { DomainError } from '../errors/domain-error';
import { ceilDiv, floorDiv, RATIO_SCALE, scaledRatio } from '../margin/exact-ratio';
import { ICICI_RISK_DEFAULTS } from '../margin/account-risk.defaults';
import { assertPaise, formatPaise, fractionOfPaise, notionalPaise, Paise } from '../money/paise';
import { assertInteger, assertPositive } from '../validation/assert';
import { ICICI_FUTURES_DEFAULTS } from './futures.defaults';

/** The constraint that set a futures position size. */
export type SizeLimit = 'MARGIN' | 'RISK' | 'POSITION_EXPOSURE' | 'TOTAL_EXPOSURE' | 'LEVERAGE';

/** Inputs of {@link futuresPositionSize}. Amounts in paise; `…Pct` are fractions. */
export interface FuturesPositionSizeInput {
  /** Margin this trade may use, with the 50% first-trade rule ALREADY applied (see `usableMargin`). */
  readonly usableMarginPaise: Paise;
  readonly marginPerLotPaise: Paise;
  readonly lotSize: number;
  /** Futures price, rupees. */
  readonly price: number;
  /** Stop distance as a fraction of price; default 0.005. */
  readonly stopLossPct?: number;
  /** Default ₹60,000. */
  readonly perTradeRiskPaise?: Paise;
  /** Default ₹1.5 Cr. */
  readonly maxPositionExposurePaise?: Paise;
  /** Default ₹6 Cr. */
  readonly maxTotalExposurePaise?: Paise;
  /** Exposure already open on the account; default 0. */
  readonly currentExposurePaise?: Paise;
  /** Exposure ÷ allocated capital at most; default 5. */
  readonly maxLeverage?: number;
  /** Default ₹1.2 Cr (ICICI). */
  readonly allocatedCapitalPaise?: Paise;
}

/** Result of {@link futuresPositionSize}. */
export interface FuturesPositionSize {
  readonly lots: number;
  readonly quantity: number;
  readonly exposurePaise: Paise;
  readonly marginPaise: Paise;
  /** Loss at the stop, rounded UP to the paisa. */
  readonly riskPaise: Paise;
  readonly limitedBy: SizeLimit;
  /** Lots each constraint alone would allow. */
  readonly lotsAllowedBy: Readonly<Record<SizeLimit, number>>;
  readonly reason: string;
}

const ORDER: readonly SizeLimit[] = ['MARGIN', 'RISK', 'POSITION_EXPOSURE', 'TOTAL_EXPOSURE', 'LEVERAGE'];

/**
 * Whole futures lots allowed by every constraint of plan §3 (ICICI): usable margin,
 * per-trade risk at the stop (lots × lot exposure × stopLossPct ≤ ₹60,000), single-position
 * exposure (₹1.5 Cr), total exposure with what is already open (₹6 Cr), and leverage
 * (open + new exposure ≤ maxLeverage × capital). The smallest wins; on a tie `limitedBy`
 * names the first in that order. 0 lots is a valid "cannot trade" answer, with the reason.
 * All arithmetic is exact on integer paise (BigInt); the 50% rule is NOT applied here.
 *
 * @throws DomainError INVALID_ARGUMENT for non-integer or negative paise, non-positive
 * price/lot size/margin per lot/leverage, or a stop fraction outside (0, 1).
 */
export function futuresPositionSize(input: FuturesPositionSizeInput): FuturesPositionSize {
  const r = ICICI_RISK_DEFAULTS;
  const stopLossPct = input.stopLossPct ?? ICICI_FUTURES_DEFAULTS.stopLossPct;
  const perTradeRisk = input.perTradeRiskPaise ?? (r.perTradeRiskPaise as number);
  const maxPosition = input.maxPositionExposurePaise ?? (r.maxPositionExposurePaise as number);
  const maxTotal = input.maxTotalExposurePaise ?? (r.maxTotalExposurePaise as number);
  const maxLeverage = input.maxLeverage ?? (r.maxLeverage as number);
  const { usableMarginPaise, marginPerLotPaise, lotSize, price } = input;
  const currentExposurePaise = input.currentExposurePaise ?? 0;
  const allocatedCapitalPaise = input.allocatedCapitalPaise ?? r.allocatedCapitalPaise;
  const amounts = { usableMarginPaise, marginPerLotPaise, perTradeRisk, maxPosition, maxTotal, currentExposurePaise, allocatedCapitalPaise };
  for (const [name, v] of Object.entries(amounts)) {
    assertPaise(name, v);
    if (v < 0) throw new DomainError('INVALID_ARGUMENT', `${name} must not be negative, got ${v}`);
  }
  if (marginPerLotPaise === 0) throw new DomainError('INVALID_ARGUMENT', 'marginPerLotPaise must be > 0');
  assertInteger('lotSize', lotSize, { min: 1 });
  assertPositive('price', price);
  assertPositive('maxLeverage', maxLeverage);
  if (!(stopLossPct > 0 && stopLossPct < 1)) throw new DomainError('INVALID_ARGUMENT', `stopLossPct is a fraction in (0, 1), got ${stopLossPct}`);

  const lotExposure = notionalPaise(price, lotSize);
  const lotX = BigInt(lotExposure);
  const sl = scaledRatio('stopLossPct', stopLossPct);
  const room = (cap: number) => BigInt(Math.max(0, cap - currentExposurePaise));
  const leverageCap = fractionOfPaise(allocatedCapitalPaise, maxLeverage);
  const lotsAllowedBy: Record<SizeLimit, number> = {
    MARGIN: Number(floorDiv(BigInt(usableMarginPaise), BigInt(marginPerLotPaise))),
    RISK: Number(floorDiv(BigInt(perTradeRisk) * RATIO_SCALE, lotX * sl)),
    POSITION_EXPOSURE: Number(floorDiv(BigInt(maxPosition), lotX)),
    TOTAL_EXPOSURE: Number(floorDiv(room(maxTotal), lotX)),
    LEVERAGE: Number(floorDiv(room(leverageCap), lotX)),
  };
  const limitedBy = ORDER.reduce((a, b) => (lotsAllowedBy[b] < lotsAllowedBy[a] ? b : a));
  const lots = lotsAllowedBy[limitedBy];
  const exposurePaise = lots * lotExposure;
  const riskPaise = Number(ceilDiv(BigInt(exposurePaise) * sl, RATIO_SCALE));
  const riskPerLot = Number(ceilDiv(lotX * sl, RATIO_SCALE));
  const why: Record<SizeLimit, string> = {
    MARGIN: `usable margin ${formatPaise(usableMarginPaise)} at ${formatPaise(marginPerLotPaise)} per lot`,
    RISK: `per-trade risk ${formatPaise(perTradeRisk)} at ${formatPaise(riskPerLot)} per lot to the stop`,
    POSITION_EXPOSURE: `position exposure cap ${formatPaise(maxPosition)} at ${formatPaise(lotExposure)} per lot`,
    TOTAL_EXPOSURE: `total exposure cap ${formatPaise(maxTotal)} with ${formatPaise(currentExposurePaise)} open`,
    LEVERAGE: `leverage ${maxLeverage}× on ${formatPaise(allocatedCapitalPaise)} with ${formatPaise(currentExposurePaise)} open`,
  };
  const reason = lots === 0 ? `Cannot trade: not one lot fits the ${why[limitedBy]}` : `${lots} lots (${lots * lotSize} units): limited by ${why[limitedBy]}`;
  return { lots, quantity: lots * lotSize, exposurePaise, marginPaise: lots * marginPerLotPaise, riskPaise, limitedBy, lotsAllowedBy, reason };
}
