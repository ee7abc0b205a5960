import {
  addDays,
  applyFill,
  isoWeekday,
  closePositionIfFlat,
  dailyPnlValues,
  istDateTimeOf,
  markPosition,
  openPosition,
  positionResult,
  type DailyPnlValues,
  type IntentInstrument,
  type IsoDate,
  type OpenPositionInput,
  type OrderPurpose,
  type OrderSide,
  type Paise,
  type PositionState,
  type PriceSource,
  type TradeCharges,
} from '@mcube/domain';

/** One execution of a backtest, with where its price came from. */
export interface BacktestFill {
  readonly positionId: string;
  /** The gateway's order id (one intent; its exchange slices share it). */
  readonly clientOrderId: string;
  readonly tradeId: string;
  readonly instrument: IntentInstrument;
  readonly side: OrderSide;
  readonly purpose: OrderPurpose;
  readonly quantity: number;
  /** Rupees. */
  readonly price: number;
  readonly charges: TradeCharges;
  readonly occurredAtMs: number;
  readonly priceSource: PriceSource;
}

/** A stored day row: the API's `daily_pnl` figures. */
export interface DayRow extends DailyPnlValues {
  readonly tradeDate: IsoDate;
}

/**
 * The account's positions in memory, changed ONLY through the domain's position functions
 * (`openPosition`, `applyFill`, `markPosition`, `closePositionIfFlat`, `dailyPnlValues`): the
 * same maths as the API's tables. Keeps every fill and one day row per trading day.
 */
export class PositionBook {
  private readonly positions = new Map<string, PositionState>();
  private readonly fills = new Map<string, BacktestFill[]>();
  private readonly closedByDate = new Map<IsoDate, string[]>();
  private activeId: string | null = null;
  readonly dayRows: DayRow[] = [];
  private netSum = 0;
  private peak: Paise;
  /** Oddities the position maths reported (over-closes, fills on closed positions). */
  readonly anomalies: string[] = [];

  constructor(readonly allocatedCapitalPaise: Paise) {
    this.peak = allocatedCapitalPaise;
  }

  /** The ACTIVE position (reserved by an entry, or holding legs), or null. */
  active(): PositionState | null {
    return this.activeId ? (this.positions.get(this.activeId) ?? null) : null;
  }

  get(positionId: string): PositionState | undefined {
    return this.positions.get(positionId);
  }

  /** Every position, in the order they were opened. */
  all(): PositionState[] {
    return [...this.positions.values()];
  }

  fillsOf(positionId: string): readonly BacktestFill[] {
    return this.fills.get(positionId) ?? [];
  }

  /** Reserves the ACTIVE position of an entry that passed the risk checks. */
  reserve(input: OpenPositionInput): PositionState {
    const position = openPosition(input);
    this.positions.set(position.positionId, position);
    this.fills.set(position.positionId, []);
    this.activeId = position.positionId;
    return position;
  }

  /** Applies one execution to its position (`applyFill`); records anomalies. */
  applyFill(fill: BacktestFill): void {
    const position = this.positions.get(fill.positionId);
    if (!position) {
      this.anomalies.push(`${istDateTimeOf(fill.occurredAtMs).date}: fill ${fill.tradeId} for unknown position ${fill.positionId}`);
      return;
    }
    const out = applyFill(position, { instrument: fill.instrument, side: fill.side, purpose: fill.purpose, quantity: fill.quantity, pricePaise: Math.round(fill.price * 100), chargesPaise: fill.charges.totalPaise, occurredAtMs: fill.occurredAtMs });
    if (out.unappliedQuantity > 0) this.anomalies.push(`${istDateTimeOf(fill.occurredAtMs).date}: over-close of ${out.unappliedQuantity} units on ${fill.positionId} (not applied, as the API does)`);
    if (out.onClosedPosition) this.anomalies.push(`${istDateTimeOf(fill.occurredAtMs).date}: fill ${fill.tradeId} on closed position ${fill.positionId}`);
    this.positions.set(fill.positionId, out.position);
    this.fills.get(fill.positionId)?.push(fill);
  }

  /** Marks the active position (paise by leg key). */
  mark(marksPaise: ReadonlyMap<string, Paise>): void {
    const active = this.active();
    if (active) this.positions.set(active.positionId, markPosition(active, marksPaise));
  }

  /** Closes position `positionId` when it is flat and nothing can still trade; returns true when it closed. */
  closeIfFlat(positionId: string, input: { hasLiveOrders: boolean; atMs: number; reason: string }): boolean {
    const position = this.positions.get(positionId);
    if (!position) return false;
    const { position: next, closed } = closePositionIfFlat(position, input);
    if (!closed) return false;
    this.positions.set(positionId, next);
    if (this.activeId === positionId) this.activeId = null;
    const date = istDateTimeOf(input.atMs).date;
    this.closedByDate.set(date, [...(this.closedByDate.get(date) ?? []), positionId]);
    return true;
  }

  /** Gross, charges and net of a closed position (`positionResult`: every fill reported its charges). */
  resultOf(positionId: string): ReturnType<typeof positionResult> {
    const position = this.positions.get(positionId) as PositionState;
    const fills = this.fillsOf(positionId).map((f) => ({ orderId: f.clientOrderId, side: f.side, quantity: f.quantity, pricePaise: Math.round(f.price * 100), chargesPaise: f.charges.totalPaise, occurredAtMs: f.occurredAtMs, segment: f.instrument.kind }));
    return positionResult({ realizedPnlPaise: position.realizedPnlPaise, fills, broker: 'KOTAK' });
  }

  /** The day row of `date` as it stands now (`dailyPnlValues` over the positions closed that day so far). */
  private rowOf(date: IsoDate): DayRow {
    const closedToday = (this.closedByDate.get(date) ?? []).map((id) => {
      const r = this.resultOf(id);
      return { realizedPnlPaise: r.grossPnlPaise, chargesPaise: r.chargesPaise };
    });
    const earlierRows = this.dayRows.length > 0 ? [{ tradeDate: '0000-00-00', netPnlPaise: this.netSum, peakEquityPaise: this.peak }] : [];
    return { tradeDate: date, ...dailyPnlValues({ allocatedCapitalPaise: this.allocatedCapitalPaise, closedToday, activePosition: this.active(), earlierRows }) };
  }

  /** Writes the day row of `date` after the close. */
  closeDay(date: IsoDate): DayRow {
    const row = this.rowOf(date);
    this.dayRows.push(row);
    this.netSum += row.netPnlPaise;
    this.peak = Math.max(this.peak, row.peakEquityPaise);
    return row;
  }

  /**
   * The day rows `riskPnlFacts` needs on `date`, compacted: the rows from the earlier of this
   * week's Monday and the month's first day, plus ONE row carrying the net sum and the peak of
   * all earlier rows (`riskPnlFacts` only sums nets and maxes peaks beyond those periods, so the
   * facts are identical to passing every row and a ten-year run stays linear), plus today's row
   * as it stands: the API's `positions.pnl` job rewrites it every 10 seconds, so a position
   * closed earlier today counts in today's loss.
   */
  riskRows(date: IsoDate): readonly { tradeDate: IsoDate; netPnlPaise: Paise; peakEquityPaise: Paise }[] {
    const monday = addDays(date, 1 - isoWeekday(date));
    const monthStart = `${date.slice(0, 7)}-01`;
    const since = monday < monthStart ? monday : monthStart;
    let i = this.dayRows.length;
    let recentNet = 0;
    while (i > 0 && this.dayRows[i - 1].tradeDate >= since) recentNet += this.dayRows[--i].netPnlPaise;
    const recent = this.dayRows.slice(i);
    const today = (this.closedByDate.get(date)?.length ?? 0) > 0 && this.dayRows[this.dayRows.length - 1]?.tradeDate !== date ? [this.rowOf(date)] : [];
    return [{ tradeDate: '0000-00-00', netPnlPaise: this.netSum - recentNet, peakEquityPaise: this.peak }, ...recent, ...today];
  }
}
