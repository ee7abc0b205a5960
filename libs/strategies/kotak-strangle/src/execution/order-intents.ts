import { notionalPaise, type IsoDate, type OrderIntent, type OrderPurpose, type OrderSide, type Paise } from '@mcube/domain';
import type { KotakStrangleConfig } from '../config/kotak-strangle.config';

/** One option order of the strangle, before it becomes an `OrderIntent`. */
export interface LegOrderSpec {
  readonly positionId: string;
  readonly expiry: IsoDate;
  readonly optionType: 'CE' | 'PE';
  readonly strike: number;
  readonly side: OrderSide;
  /** Units (lots × lot size). */
  readonly quantity: number;
  /** Rupees, on the tick. */
  readonly limitPrice: number;
  /** ENTRY opens; EXIT closes (a planned exit or the unwind of a failed entry). */
  readonly purpose: Extract<OrderPurpose, 'ENTRY' | 'EXIT'>;
  /** Margin the leg blocks (0 when closing). */
  readonly estimatedMarginPaise: Paise;
}

/**
 * The domain `OrderIntent` of a strangle leg: a LIMIT order on NFO-OPT for the Kotak account,
 * tagged with the position id (so the second entry leg passes the one-position rule). An EXIT
 * is `reducesPosition: true` with no margin; an ENTRY carries its margin and half the
 * per-position stop as its planned risk.
 */
export function legIntent(spec: LegOrderSpec, config: KotakStrangleConfig): OrderIntent {
  const exit = spec.purpose === 'EXIT';
  return {
    accountId: config.accountId,
    broker: 'KOTAK',
    segment: 'NFO-OPT',
    instrument: { underlying: config.underlying, kind: 'OPT', expiry: spec.expiry, strike: spec.strike, optionType: spec.optionType },
    side: spec.side,
    quantity: spec.quantity,
    orderType: 'LIMIT',
    limitPrice: spec.limitPrice,
    purpose: spec.purpose,
    reducesPosition: exit,
    positionId: spec.positionId,
    estimatedMarginPaise: exit ? 0 : spec.estimatedMarginPaise,
    estimatedRiskPaise: exit ? 0 : Math.floor(config.perPositionStopPaise / 2),
    estimatedExposurePaise: notionalPaise(spec.limitPrice, spec.quantity),
  };
}
