import {
  BrokerError,
  DomainError,
  freezeQuantityFor,
  istDateTimeOf,
  lotSizeFor,
  entryLegsOf,
  riskCheckedOrderOf,
  runRiskChecks,
  sliceQuantity,
  type BrokerOrderReport,
  type CallerFigures,
  type Clock,
  type EffectiveRiskLimits,
  type NseCalendar,
  type RiskCheckedOrder,
  type OrderStatus,
  type RiskDenial,
  type StrategyEntryCommand,
  type StrategyOrderCommand,
} from '@mcube/domain';
import type { PaperExecutionClient, PaperTrade } from '@mcube/brokers-paper';
import { optionSymbolOf, type EngineMarket } from '../market/backtest-market';
import type { EngineOrderPort, EngineOrderState, EnginePosition, EnginePositionView, EngineSubmitResult } from '../strategy/strategy-host';
import type { PositionBook } from './position-book';
import { buildRiskContext, type BacktestAccount } from './risk-context-builder';

/** One order as the gateway journaled it, as the risk checks saw it. */
interface ParentOrder {
  readonly clientOrderId: string;
  readonly intent: RiskCheckedOrder;
  readonly submittedAtMs: number;
  readonly children: string[];
  readonly refusals: string[];
  denial?: { code: string; message: string };
  /** Set when the order was never sent because the broker rejected another leg of its entry. */
  withdrawn?: string;
}

/** A risk denial or broker refusal, for the report. */
export interface GatewayRefusal {
  readonly atMs: number;
  readonly clientOrderId: string;
  readonly positionId?: string;
  readonly purpose: string;
  readonly status: 'DENIED' | 'REJECTED';
  readonly code: string;
  readonly message: string;
  readonly denials: readonly RiskDenial[];
}

const LIVE = new Set(['OPEN', 'PENDING']);

/**
 * The order gateway of a backtest: what the API's `OrdersService` does, in memory. Each intent
 * gets a clientOrderId, goes through the domain's risk checks on a context gathered like the
 * API's (a multi-leg entry as one command, `submitEntry`), reserves its position on an entry,
 * is sliced to the freeze quantity and sent to the
 * paper broker (`@mcube/brokers-paper`: its fill model, charges and margin), which is matched
 * at once against the market's touch. Fills reach the positions only through the domain's
 * position functions (`PositionBook`). It is also the strategy's `PositionView`.
 */
export class BacktestGateway implements EngineOrderPort, EnginePositionView {
  private readonly parents = new Map<string, ParentOrder>();
  private readonly parentOfChildTag = new Map<string, ParentOrder>();
  private readonly reports = new Map<string, BrokerOrderReport>();
  private readonly working = new Set<string>();
  /** Intents (parent clientOrderIds) with a fill or an ending not yet handed to the strategy (`takeOrderUpdates`). */
  private readonly updated = new Set<string>();
  private sequence = 0;
  readonly refusals: GatewayRefusal[] = [];

  constructor(
    private readonly deps: {
      readonly paper: PaperExecutionClient;
      readonly market: EngineMarket;
      readonly book: PositionBook;
      readonly calendar: NseCalendar;
      readonly clock: Clock;
      readonly account: BacktestAccount;
      readonly limits: EffectiveRiskLimits;
      /** false: orders wait for the engine's match pass after the tick (engine `fills: AFTER_TICK`). */
      readonly matchAtOnce?: boolean;
    },
  ) {
    deps.paper.subscribeOrderUpdates((update) => {
      if (update.type === 'ORDER') this.onOrder(update.order);
      else this.onTrade(update.trade as PaperTrade);
    });
  }

  private onOrder(report: BrokerOrderReport): void {
    this.reports.set(report.brokerOrderId, report);
    if (LIVE.has(report.state)) this.working.add(report.brokerOrderId);
    else this.working.delete(report.brokerOrderId);
    const parent = report.clientOrderId === undefined ? undefined : this.parentOfChildTag.get(report.clientOrderId);
    if (parent && (!LIVE.has(report.state) || report.filledQuantity > 0)) this.updated.add(parent.clientOrderId);
  }

  /** The intents that filled or ended since the last call, oldest first (what the API pushes to its strategy runner as `order.updated`). */
  takeOrderUpdates(): string[] {
    const ids = [...this.updated];
    this.updated.clear();
    return ids;
  }

  private onTrade(trade: PaperTrade): void {
    const parent = this.parentOfChildTag.get(trade.clientOrderId);
    const positionId = parent?.intent.positionId;
    if (!parent || !positionId) return;
    const symbol = optionSymbolOf(trade.instrument);
    this.deps.book.applyFill({
      positionId,
      clientOrderId: parent.clientOrderId,
      tradeId: trade.tradeId,
      instrument: { underlying: trade.instrument.underlying, kind: trade.instrument.kind, expiry: trade.instrument.expiry, strike: trade.instrument.strike, optionType: trade.instrument.optionType },
      side: trade.side,
      purpose: parent.intent.purpose,
      quantity: trade.quantity,
      price: trade.price,
      charges: trade.charges,
      occurredAtMs: trade.occurredAtMs,
      priceSource: this.deps.market.sourceOf?.(symbol) ?? 'MODELLED',
    });
  }

  /** True while some order of `positionId` may still trade. */
  hasLiveOrders(positionId: string): boolean {
    for (const id of this.working) {
      const tag = this.reports.get(id)?.clientOrderId;
      if (tag && this.parentOfChildTag.get(tag)?.intent.positionId === positionId) return true;
    }
    return false;
  }

  /** True while any order is working at the paper broker. */
  hasWorkingOrders(): boolean {
    return this.working.size > 0;
  }

  /** Runs one match pass when orders are working (the engine calls it every tick). */
  async matchWorking(): Promise<void> {
    if (this.working.size > 0) await this.deps.paper.matchNow();
  }

  /** Closes `positionId` when it is flat and nothing of it can still trade. */
  settle(positionId: string | undefined, reason: string): boolean {
    if (!positionId) return false;
    return this.deps.book.closeIfFlat(positionId, { hasLiveOrders: this.hasLiveOrders(positionId), atMs: this.deps.clock.nowMs(), reason });
  }

  async submit(command: StrategyOrderCommand): Promise<EngineSubmitResult> {
    return (await this.submitCommand([command], command.callerFigures))[0];
  }

  /**
   * A multi-leg entry as ONE command, as the API's `OrdersService.submitEntry`: every leg is
   * checked with the whole entry (`entryLegs`, the entry's figures), a denial of any leg
   * denies them all, the position is reserved once, the legs are sent in order, and a leg the
   * broker rejects withdraws the legs after it (never sent).
   */
  async submitEntry(entry: StrategyEntryCommand): Promise<EngineSubmitResult[]> {
    const legs = entry.legs.map((leg): StrategyOrderCommand => ({ ...leg, purpose: 'ENTRY', strategyPositionId: entry.strategyPositionId, approval: entry.approval }));
    return this.submitCommand(legs, entry.callerFigures);
  }

  /** Entries seen per position id: what `findEntry` reports. */
  private readonly entries = new Map<string, EngineSubmitResult[]>();

  /** The results of the entry of `positionId`, or null when none was submitted. */
  async findEntry(positionId: string): Promise<EngineSubmitResult[] | null> {
    return this.entries.get(positionId) ?? null;
  }

  /**
   * The risk checks' input of every leg, built by the domain function the API's gateway uses
   * (`riskCheckedOrderOf`). Unlike the API, which computes its own figures and keeps the larger,
   * the backtest checks the strategy's own (`callerFigures`), and an order reduces when it is an
   * EXIT (the API reads the active position): the figures the backtests were calibrated on.
   */
  private async submitCommand(commands: readonly StrategyOrderCommand[], callerFigures: CallerFigures | undefined): Promise<EngineSubmitResult[]> {
    if (commands.some((c) => c.orderType !== 'LIMIT')) throw new DomainError('INVALID_ARGUMENT', 'the backtest gateway sends LIMIT orders only (it has no market-order protection)');
    const nowMs = this.deps.clock.nowMs();
    const figures = { marginPaise: callerFigures?.marginPaise ?? 0, riskPaise: callerFigures?.riskPaise ?? 0, exposurePaise: callerFigures?.exposurePaise ?? 0 };
    const entryLegs = entryLegsOf(commands);
    const intents = commands.map((command) =>
      riskCheckedOrderOf({ leg: { command, limitPrice: command.limitPrice, reducesPosition: command.purpose === 'EXIT' }, accountId: this.deps.account.accountId, positionId: command.strategyPositionId, broker: 'KOTAK', figures, entryLegs }),
    );
    const parents = intents.map((intent): ParentOrder => {
      const clientOrderId = `BT-${String(++this.sequence).padStart(6, '0')}`;
      const parent: ParentOrder = { clientOrderId, intent, submittedAtMs: nowMs, children: [], refusals: [] };
      this.parents.set(clientOrderId, parent);
      return parent;
    });
    const margin = await this.deps.paper.availableMargin();
    const denials: RiskDenial[] = [];
    for (const { intent } of parents) {
      const ctx = buildRiskContext({ intent, nowMs, calendar: this.deps.calendar, account: this.deps.account, limits: this.deps.limits, margin, book: this.deps.book });
      for (const d of runRiskChecks(intent, ctx).denials) if (!denials.some((x) => x.code === d.code)) denials.push(d);
    }
    const results = denials.length > 0 ? parents.map((p) => this.deny(p, denials, nowMs)) : await this.sendCommand(parents, nowMs);
    const first = intents[0];
    if (first.purpose === 'ENTRY' && first.positionId && !this.entries.has(first.positionId)) this.entries.set(first.positionId, results);
    return results;
  }

  private deny(parent: ParentOrder, denials: readonly RiskDenial[], nowMs: number): EngineSubmitResult {
    const { clientOrderId, intent } = parent;
    parent.denial = { code: denials[0].code, message: denials[0].message };
    this.refusals.push({ atMs: nowMs, clientOrderId, positionId: intent.positionId, purpose: intent.purpose, status: 'DENIED', ...parent.denial, denials });
    return { clientOrderId, status: 'DENIED', denial: parent.denial };
  }

  private async sendCommand(parents: readonly ParentOrder[], nowMs: number): Promise<EngineSubmitResult[]> {
    const first = parents[0].intent;
    if (first.purpose === 'ENTRY' && first.positionId && !this.deps.book.get(first.positionId)) {
      this.deps.book.reserve({
        positionId: first.positionId,
        accountId: first.accountId,
        underlying: first.instrument.underlying,
        expiry: first.instrument.expiry,
        quantity: first.quantity,
        marginUsedPaise: first.estimatedMarginPaise,
        entryValuePaise: first.estimatedExposurePaise,
        openedAtMs: nowMs,
      });
    }
    const results: EngineSubmitResult[] = [];
    for (const parent of parents) {
      const { clientOrderId, intent } = parent;
      if (results.some((r) => r.status === 'REJECTED')) {
        parent.withdrawn = 'not sent: the broker rejected another order of this entry';
        results.push({ clientOrderId, status: 'ACCEPTED' });
        continue;
      }
      await this.send(parent);
      if (parent.children.length === 0) {
        parent.denial = { code: 'BROKER_REJECTED', message: parent.refusals.join('; ') };
        this.refusals.push({ atMs: nowMs, clientOrderId, positionId: intent.positionId, purpose: intent.purpose, status: 'REJECTED', ...parent.denial, denials: [] });
        results.push({ clientOrderId, status: 'REJECTED', denial: parent.denial });
      } else {
        results.push({ clientOrderId, status: 'ACCEPTED' });
      }
    }
    // Nothing reached the broker: a reserved position is released at once.
    if (parents.every((p) => p.children.length === 0)) this.settle(first.positionId, 'ENTRY_NOT_FILLED');
    else if (this.deps.matchAtOnce !== false) await this.deps.paper.matchNow();
    return results;
  }

  private async send(parent: ParentOrder): Promise<void> {
    const { intent } = parent;
    if (intent.limitPrice === undefined) throw new DomainError('INVALID_ARGUMENT', 'the backtest gateway sends LIMIT orders only');
    const date = istDateTimeOf(this.deps.clock.nowMs()).date;
    const slices = sliceQuantity({ quantity: intent.quantity, lotSize: lotSizeFor({ underlying: intent.instrument.underlying, expiry: intent.instrument.expiry }), freezeQuantity: freezeQuantityFor({ underlying: intent.instrument.underlying, date }) });
    for (const [i, quantity] of slices.entries()) {
      const tag = `${parent.clientOrderId}-${i + 1}`;
      this.parentOfChildTag.set(tag, parent);
      try {
        const ack = await this.deps.paper.placeOrder({ clientOrderId: tag, accountId: intent.accountId, instrument: { ...intent.instrument, segment: intent.segment }, side: intent.side, quantity, limitPrice: intent.limitPrice, product: 'NRML', validity: 'DAY' });
        parent.children.push(ack.brokerOrderId);
      } catch (error) {
        if (!(error instanceof BrokerError)) throw error;
        parent.refusals.push(`${error.kind}: ${error.message}`);
      }
    }
  }

  async orderStatus(clientOrderId: string): Promise<EngineOrderState> {
    const parent = this.parents.get(clientOrderId);
    if (!parent) throw new DomainError('INVALID_ARGUMENT', `unknown order ${clientOrderId}`);
    if (parent.withdrawn) return { clientOrderId, status: 'CANCELED', filledQuantity: 0, reason: parent.withdrawn };
    if (parent.denial) return { clientOrderId, status: parent.children.length === 0 && parent.refusals.length > 0 ? 'REJECTED' : 'DENIED', filledQuantity: 0, reason: parent.denial.message };
    const reports = parent.children.map((id) => this.reports.get(id)).filter((r): r is BrokerOrderReport => r !== undefined);
    const filled = reports.reduce((s, r) => s + r.filledQuantity, 0);
    const value = reports.reduce((s, r) => s + r.filledQuantity * (r.averagePrice ?? 0), 0);
    return { clientOrderId, status: statusOf(reports, filled, parent.intent.quantity, parent.refusals.length > 0), filledQuantity: filled, ...(filled > 0 ? { averagePrice: Math.round((value / filled) * 100) / 100 } : {}) };
  }

  async cancel(clientOrderId: string): Promise<void> {
    const parent = this.parents.get(clientOrderId);
    if (!parent) throw new DomainError('INVALID_ARGUMENT', `unknown order ${clientOrderId}`);
    for (const [i, id] of parent.children.entries()) {
      if (!LIVE.has(this.reports.get(id)?.state ?? '')) continue;
      await this.deps.paper.cancelOrder({ brokerOrderId: id, clientOrderId: `${clientOrderId}-${i + 1}` });
    }
  }

  async activePosition(accountId: string): Promise<EnginePosition | null> {
    const p = this.deps.book.active();
    if (!p || p.accountId !== accountId || !p.legs.some((l) => l.quantity > 0)) return null;
    return {
      positionId: p.positionId,
      accountId: p.accountId,
      underlying: p.underlying,
      expiry: p.expiry,
      openedAtMs: p.openedAtMs,
      legs: p.legs
        .filter((l) => l.instrument.kind === 'OPT')
        .map((l) => ({ optionType: l.instrument.optionType as 'CE' | 'PE', strike: l.instrument.strike as number, quantity: l.side === 'SELL' ? -l.quantity : l.quantity, averagePrice: l.avgPricePaise / 100 })),
    };
  }

  async margin(_accountId: string): Promise<{ availablePaise: number; inUsePaise: number }> {
    const m = await this.deps.paper.availableMargin();
    return { availablePaise: m.availablePaise, inUsePaise: Math.max(0, m.usedPaise) };
  }
}

function statusOf(reports: readonly BrokerOrderReport[], filled: number, quantity: number, someRefused: boolean): OrderStatus {
  if (filled === quantity && !someRefused) return 'FILLED';
  if (reports.some((r) => LIVE.has(r.state))) return filled > 0 ? 'PARTIALLY_FILLED' : 'ACCEPTED';
  if (reports.every((r) => r.state === 'REJECTED')) return 'REJECTED';
  if (reports.some((r) => r.state === 'EXPIRED')) return 'EXPIRED';
  return filled === quantity ? 'FILLED' : 'CANCELED';
}
