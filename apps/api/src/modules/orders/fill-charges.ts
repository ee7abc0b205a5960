import { BROKERAGE_DEFAULTS, istDateTimeOf, notionalPaise, tradeCharges, type BrokerTrade } from '@mcube/domain';

/** Where a fill's charges came from. */
export type FillChargesSource = 'REPORTED' | 'COST_MODEL' | 'NONE';

/** A fill's charges (paise) and where they came from; `problem` says why none could be computed. */
export interface FillCharges {
  readonly chargesPaise: number;
  readonly source: FillChargesSource;
  readonly problem?: string;
}

/**
 * Charges (paise) a broker reported with a trade: the paper broker computes every fill's from
 * the domain cost model (`tradeCharges`: STT, exchange, SEBI, stamp, GST, brokerage) and sends
 * them as `charges`. The live adapters report none per trade (Kotak's trade book has no charge
 * fields; the contract note comes after the day): undefined.
 */
export function reportedChargesPaise(trade: BrokerTrade): number | undefined {
  const total = trade.charges?.totalPaise;
  return total !== undefined && Number.isSafeInteger(total) && total >= 0 ? total : undefined;
}

/**
 * The charges of one fill, so that P&L is net of charges on every broker as on paper: the
 * broker's own figure when the trade carries one, else (the live adapters) the dated cost model
 * of DECISIONS §2 on the fill's IST date, with the broker's flat brokerage per executed order
 * (`BROKERAGE_DEFAULTS`) charged on the order's first fill only, as the paper broker does. A
 * date the rate table does not cover gives 0 with the reason (the fill itself must still apply).
 */
export function fillCharges(input: { broker: string; trade: BrokerTrade; instrumentType: 'CE' | 'PE' | 'FUT'; firstFillOfOrder: boolean }): FillCharges {
  const reported = reportedChargesPaise(input.trade);
  if (reported !== undefined) return { chargesPaise: reported, source: 'REPORTED' };
  // The paper broker always reports its charges; a broker without a schedule (a test double) has none.
  if (input.broker !== 'KOTAK' && input.broker !== 'ICICI') return { chargesPaise: 0, source: 'NONE' };
  const segment = input.instrumentType === 'FUT' ? 'FUT' : 'OPT';
  try {
    const charges = tradeCharges({
      date: istDateTimeOf(input.trade.occurredAtMs).date,
      segment,
      side: input.trade.side,
      turnoverPaise: notionalPaise(input.trade.price, input.trade.quantity),
      brokeragePaise: input.firstFillOfOrder ? BROKERAGE_DEFAULTS[input.broker][segment] : 0,
    });
    return { chargesPaise: charges.totalPaise, source: 'COST_MODEL' };
  } catch (error) {
    return { chargesPaise: 0, source: 'NONE', problem: (error as Error).message };
  }
}
