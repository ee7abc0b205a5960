import { DomainError } from '../errors/domain-error';
import { Paise } from '../money/paise';
import { assertInteger } from '../validation/assert';
import { ChargeSegment } from './trade-charges';

/** Flat brokerage per executed order, paise, by segment. */
export interface BrokerageSchedule {
  readonly OPT: Paise;
  readonly FUT: Paise;
}

/**
 * Default brokerage per executed order (DECISIONS §2): Kotak Neo API ₹0; ICICI Direct ₹20
 * per options order and ₹0 futures. Plan dependent: pass your own schedule to
 * {@link brokerageFor} to change it.
 */
export const BROKERAGE_DEFAULTS: Readonly<Record<'KOTAK' | 'ICICI', BrokerageSchedule>> = Object.freeze({
  KOTAK: Object.freeze({ OPT: 0, FUT: 0 }),
  ICICI: Object.freeze({ OPT: 20 * 100, FUT: 0 }),
});

/**
 * Brokerage of `orders` executed orders in a segment: orders × flat fee.
 * @throws DomainError INVALID_ARGUMENT for a negative or fractional order count or fee.
 */
export function brokerageFor(input: { broker: 'KOTAK' | 'ICICI'; segment: ChargeSegment; orders: number; schedule?: BrokerageSchedule }): Paise {
  const schedule = input.schedule ?? BROKERAGE_DEFAULTS[input.broker];
  if (!schedule) throw new DomainError('INVALID_ARGUMENT', `unknown broker ${String(input.broker)}`);
  assertInteger('orders', input.orders, { min: 0 });
  const fee = schedule[input.segment];
  assertInteger('brokerage fee', fee, { min: 0 });
  return input.orders * fee;
}
