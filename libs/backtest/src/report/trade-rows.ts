import { contractSymbol } from '@mcube/market-sim';
import { istMinuteOf, type PositionState } from '@mcube/domain';
import type { BacktestFill, PositionBook } from '../execution/position-book';
import type { DecisionRow } from './decision-row';
import type { TradeLegRow, TradeRow } from './report.types';


function legRow(position: PositionState, legKey: string, fills: readonly BacktestFill[]): TradeLegRow {
  const leg = position.legs.find((l) => l.legKey === legKey);
  const own = fills.filter((f) => `${f.instrument.underlying}|${f.instrument.expiry}|${f.instrument.kind === 'FUT' ? 'FUT' : `OPT|${f.instrument.strike}|${f.instrument.optionType}`}` === legKey);
  const opening = own[0]?.side ?? leg?.side ?? 'SELL';
  return {
    instrument: contractSymbol(own[0]?.instrument ?? (leg as NonNullable<typeof leg>).instrument),
    side: opening,
    quantity: own.filter((f) => f.side === opening).reduce((s, f) => s + f.quantity, 0),
    entryPrice: (leg?.avgPricePaise ?? 0) / 100,
    exitPrice: leg?.exitPricePaise === null || leg?.exitPricePaise === undefined ? null : leg.exitPricePaise / 100,
    priceSource: own.length > 0 && own.every((f) => f.priceSource === 'REAL') ? 'REAL' : 'MODELLED',
    fills: own.map((f) => ({ at: istMinuteOf(f.occurredAtMs), side: f.side, quantity: f.quantity, price: f.price, chargesPaise: f.charges.totalPaise, priceSource: f.priceSource })),
  };
}

/**
 * Every closed position that traded, as a trade row: legs with entry and exit prices and
 * their fills, gross/charges/net from the domain's `positionResult`, the exit reason, and the
 * spot and VIX its entry decision saw.
 */
export function tradeRows(book: PositionBook, exitReasons: ReadonlyMap<string, string>, decisions: readonly DecisionRow[]): TradeRow[] {
  const entryOf = new Map(decisions.filter((d) => d.decision === 'ENTER' && d.positionId).map((d) => [d.positionId as string, d.inputs]));
  const rows: TradeRow[] = [];
  for (const position of book.all()) {
    const fills = book.fillsOf(position.positionId);
    if (position.status !== 'CLOSED' || fills.length === 0) continue;
    const result = book.resultOf(position.positionId);
    const entry = entryOf.get(position.positionId);
    rows.push({
      positionId: position.positionId,
      entryAt: istMinuteOf(fills[0].occurredAtMs),
      exitAt: istMinuteOf(fills[fills.length - 1].occurredAtMs),
      expiry: position.expiry,
      legs: position.legs.map((l) => legRow(position, l.legKey, fills)),
      grossPnlPaise: result.grossPnlPaise,
      chargesPaise: result.chargesPaise,
      netPnlPaise: result.netPnlPaise,
      exitReason: exitReasons.get(position.positionId) ?? position.exitReason ?? 'EXITED',
      entrySpot: typeof entry?.spot === 'number' ? entry.spot : null,
      entryVix: typeof entry?.vix === 'number' ? entry.vix : null,
    });
  }
  return rows;
}
