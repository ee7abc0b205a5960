import { BreezeParseError } from '../errors/breeze-parse-error';
import { asArray, asObject, count, decimal, optDecimal, rupeesToPaise, type JsonObject } from './breeze-fields';
import type { BreezeFunds, BreezeMarginEstimate, BreezeMarginSummary, BreezePositionRecord } from './breeze-raw.types';
import { actionOf, parseContractFields } from './parse-contract-fields';

/** `portfoliopositions`; null (no data) → []. */
export function parsePositions(success: unknown): readonly BreezePositionRecord[] {
  if (success === null) return [];
  return asArray(success, '$.Success').map((row, i) => {
    const path = `$.Success[${i}]`;
    const o = asObject(row, path);
    const action = actionOf(o, path, true);
    const quantity = count(o, 'quantity', path);
    if (action === 'na' && quantity !== 0) throw new BreezeParseError(`${path}.action`, `'NA' with an open quantity ${quantity}`);
    return {
      ...parseContractFields(o, path),
      action,
      quantity,
      averagePrice: decimal(o, 'average_price', path),
      ltp: optDecimal(o, 'ltp', path),
      pnl: optDecimal(o, 'pnl', path),
    };
  });
}

/** `funds` GET. */
export function parseFunds(success: unknown): BreezeFunds {
  const o = asObject(success, '$.Success');
  return {
    bankBalancePaise: paise(o, 'total_bank_balance'),
    allocatedEquityPaise: paise(o, 'allocated_equity'),
    allocatedFnoPaise: paise(o, 'allocated_fno'),
    blockedEquityPaise: paise(o, 'block_by_trade_equity'),
    blockedFnoPaise: paise(o, 'block_by_trade_fno'),
    unallocatedPaise: paise(o, 'unallocated_balance'),
  };
}

/** `margin` GET of one exchange. */
export function parseMarginSummary(success: unknown): BreezeMarginSummary {
  const o = asObject(success, '$.Success');
  return {
    cashLimitPaise: paise(o, 'cash_limit'),
    amountAllocatedPaise: paise(o, 'amount_allocated'),
    blockByTradePaise: paise(o, 'block_by_trade'),
    isecMarginPaise: paise(o, 'isec_margin'),
  };
}

/** `margincalculator` POST. */
export function parseMarginEstimate(success: unknown): BreezeMarginEstimate {
  const o = asObject(success, '$.Success');
  const orderValue = optDecimal(o, 'order_value', '$.Success');
  return {
    spanMarginPaise: paise(o, 'span_margin_required'),
    nonSpanMarginPaise: optDecimal(o, 'non_span_margin_required', '$.Success') === undefined ? 0 : paise(o, 'non_span_margin_required'),
    orderValuePaise: orderValue === undefined ? undefined : rupeesToPaise(orderValue, '$.Success.order_value'),
  };
}

function paise(o: JsonObject, key: string): number {
  const path = `$.Success.${key}`;
  const raw = o[key];
  if (typeof raw === 'string' || typeof raw === 'number') {
    decimal(o, key, '$.Success');
    return rupeesToPaise(raw, path);
  }
  throw new BreezeParseError(path, `expected a rupee amount, got ${raw === null ? 'null' : typeof raw}`);
}
