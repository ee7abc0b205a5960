import { Inject, Injectable, Logger } from '@nestjs/common';
import { isOpen, type BrokerOrderReport, type BrokerPosition, type Clock } from '@mcube/domain';
import { DataSource, In } from 'typeorm';
import { inTransaction } from '../../database/in-transaction';
import { AlertsService } from '../alerts/alerts.service';
import { ReconciliationGate } from '../risk/context/reconciliation-gate';
import { ApplyFillService } from './apply-fill.service';
import { Order } from './entities/order.entity';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from './execution-clients.token';
import { tradingSymbolOf } from './instrument-symbol';
import { applyOrderEventToRow } from './order-journal';
import { closePositionIfFlat } from './position-slot';
import { ORDERS_POSITION_LEDGER, type PositionLedger } from './ports/position-ledger.port';
import { SettleInFlightService } from './settle-in-flight.service';
import { MARKET_CLOCK } from '../core/clock/clock.token';

/** What one reconciliation found. `ok` opens the account's gate. */
export interface ReconciliationReport {
  readonly accountId: number;
  readonly ok: boolean;
  /** Journal changes taken from the broker (orders adopted, withdrawn, fills applied, states). */
  readonly adopted: readonly string[];
  /** Differences that remain after adopting (they keep the account HALTED). */
  readonly mismatches: readonly string[];
}

/**
 * Compares the journal of one account with its broker (orders, trades, net positions);
 * the broker is the truth. Orders that never left mCube (INITIALIZED, or SUBMITTED but
 * unknown to the broker) are withdrawn/rejected; orders the broker has are adopted (ack,
 * fills through `ApplyFillService`, terminal states); then leg quantities are compared
 * with the broker's net positions. Trades or orders the journal cannot place, and
 * position differences, are mismatches: alerted CRITICAL, the account stays HALTED
 * (`ReconciliationGate`). Success opens the gate; a periodic run that succeeds leaves it
 * open, one that finds a mismatch closes it. A broker read failure rejects (gate unchanged).
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger('Reconciliation');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    @Inject(EXECUTION_CLIENTS) private readonly clients: ExecutionClientRegistry,
    private readonly gate: ReconciliationGate,
    private readonly fills: ApplyFillService,
    private readonly settle: SettleInFlightService,
    private readonly alerts: AlertsService,
    /** The ACTIVE positions' legs (compared with the broker's) and the close of an empty position, the positions module's. */
    @Inject(ORDERS_POSITION_LEDGER) private readonly ledger: PositionLedger,
  ) {}

  /** Reconciles every account that has a broker client. */
  async reconcileAll(): Promise<ReconciliationReport[]> {
    const out: ReconciliationReport[] = [];
    for (const [accountId] of this.clients.entries()) out.push(await this.reconcile(accountId));
    return out;
  }

  /** Reconciles one account (see the class comment). */
  async reconcile(accountId: number): Promise<ReconciliationReport> {
    const client = this.clients.get(accountId);
    if (!client) throw new Error(`account ${accountId} has no broker client`);
    const [brokerOrders, trades, brokerPositions] = await Promise.all([client.listOrders(), client.listTrades(), client.listPositions()]);
    const adopted: string[] = [];
    const mismatches: string[] = [];
    const kept: string[] = [];
    const byTag = new Map<string, BrokerOrderReport>();
    for (const o of brokerOrders) if (o.clientOrderId) byTag.set(o.clientOrderId, o);

    const pending = await this.dataSource.getRepository(Order).find({ where: { accountId, status: In(['INITIALIZED', 'SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED', 'PENDING_CANCEL']) }, order: { id: 'ASC' } });
    for (const order of pending) {
      const report = byTag.get(order.clientOrderId);
      const at = this.clock.nowMs();
      if (!report && (order.status === 'INITIALIZED' || order.status === 'SUBMITTED')) {
        await inTransaction(this.dataSource, async (m) => {
          if (order.status === 'INITIALIZED') await applyOrderEventToRow(m, order.id, { type: 'CANCELED', occurredAtMs: at, recordedAtMs: at });
          else await applyOrderEventToRow(m, order.id, { type: 'REJECTED', reason: 'NOT_AT_BROKER: reconciliation found no order with this tag', occurredAtMs: at, recordedAtMs: at });
          if (order.positionId !== null) await closePositionIfFlat(this.ledger, m, order.positionId, at, 'ENTRY_NOT_FILLED');
        });
        adopted.push(`${order.clientOrderId}: ${order.status === 'INITIALIZED' ? 'withdrawn (never sent)' : 'rejected (never reached the broker)'}`);
      } else if (report && order.status === 'INITIALIZED') {
        await inTransaction(this.dataSource, (m) => applyOrderEventToRow(m, order.id, { type: 'SUBMITTED', occurredAtMs: at, recordedAtMs: at }));
        adopted.push(`${order.clientOrderId}: sent before the stop, adopted`);
      } else if (!report) {
        mismatches.push(`${order.clientOrderId}: ${order.status} in the journal, unknown to the broker`);
      }
    }

    for (const t of trades) {
      const outcome = await this.fills.apply(client.broker, t);
      if (outcome === 'APPLIED') adopted.push(`trade ${t.tradeId} (${t.quantity} of ${t.clientOrderId ?? t.brokerOrderId}) applied`);
      if (outcome === 'UNKNOWN_ORDER') mismatches.push(`trade ${t.tradeId} of broker order ${t.brokerOrderId} is not in the journal`);
    }
    for (const order of pending) {
      const report = byTag.get(order.clientOrderId);
      if (!report) continue;
      const before = await this.dataSource.getRepository(Order).findOneByOrFail({ id: order.id });
      await this.settle.applyReport(order.id, report);
      const after = await this.dataSource.getRepository(Order).findOneByOrFail({ id: order.id });
      if (after.status !== before.status) adopted.push(`${order.clientOrderId}: ${before.status} → ${after.status}`);
      else kept.push(`${order.clientOrderId}: ${after.status}`);
      if (after.filledQuantity !== report.filledQuantity) mismatches.push(`${order.clientOrderId}: journal filled ${after.filledQuantity}, broker ${report.filledQuantity}`);
      if (!isOpen(after.status) && ['OPEN', 'PENDING'].includes(report.state)) mismatches.push(`${order.clientOrderId}: journal ${after.status}, broker ${report.state}`);
    }
    const journalTags = new Set((await this.dataSource.getRepository(Order).find({ where: { accountId }, select: { clientOrderId: true } })).map((o) => o.clientOrderId));
    for (const o of brokerOrders) if (!o.clientOrderId || !journalTags.has(o.clientOrderId)) mismatches.push(`broker order ${o.brokerOrderId} (tag ${o.clientOrderId ?? 'none'}) is not in the journal`);

    mismatches.push(...(await this.positionMismatches(accountId, brokerPositions)));
    const ok = mismatches.length === 0;
    await this.alert(accountId, ok, adopted, mismatches);
    // Logged as well as alerted: the log is where an operator reads what a restart did.
    const outcome = { accountId, ok, adopted, kept, mismatches };
    if (!ok) this.logger.error(outcome, `Reconciliation of account ${accountId}: ${mismatches.length} mismatch(es), trading stays HALTED`);
    else this.logger.log(outcome, `Reconciliation of account ${accountId}: ${adopted.length} change(s) adopted from the broker, ${kept.length} open order(s) kept`);
    if (ok) this.gate.markReconciled(accountId);
    else this.gate.markUnreconciled(accountId);
    return { accountId, ok, adopted, mismatches };
  }

  /**
   * Net quantities per contract, journal against broker. Contracts are matched by identity
   * (underlying, expiry, strike, CE/PE/FUT), not by symbol: a broker names its contracts its own
   * way (Kotak `NIFTY26AUG24500CE`) while the journal keeps mCube's instrument key
   * (`NIFTY-2026-08-25-24500-CE`).
   */
  private async positionMismatches(accountId: number, brokerPositions: readonly BrokerPosition[]): Promise<string[]> {
    const journal = new Map<string, number>();
    const labels = new Map<string, string>();
    for (const l of await this.ledger.legsOfActivePositions(this.dataSource.manager, accountId)) {
      if (l.quantity <= 0) continue;
      const key = contractKey(l.underlying, l.expiryDate, l.strike, l.instrumentType);
      labels.set(key, l.tradingSymbol);
      journal.set(key, (journal.get(key) ?? 0) + (l.side === 'BUY' ? l.quantity : -l.quantity));
    }
    const broker = new Map<string, number>();
    for (const p of brokerPositions) {
      if (p.netQuantity === 0) continue;
      const i = p.instrument;
      const key = i.underlying && i.expiry ? contractKey(i.underlying, i.expiry, i.strike ?? null, i.kind === 'FUT' ? 'FUT' : (i.optionType ?? '')) : (i.tradingSymbol ?? tradingSymbolOf(i));
      if (!labels.has(key)) labels.set(key, i.tradingSymbol ?? tradingSymbolOf(i));
      broker.set(key, (broker.get(key) ?? 0) + p.netQuantity);
    }
    const out: string[] = [];
    for (const key of new Set([...journal.keys(), ...broker.keys()])) {
      const j = journal.get(key) ?? 0;
      const b = broker.get(key) ?? 0;
      if (j !== b) out.push(`position ${labels.get(key) ?? key}: journal ${j}, broker ${b}`);
    }
    return out;
  }

  /** Through AlertsService, so a mismatch also leaves the box (Telegram, e-mail, SMS by severity). */
  private async alert(accountId: number, ok: boolean, adopted: string[], mismatches: string[]): Promise<void> {
    if (ok && adopted.length === 0) return;
    await this.alerts.raise({
      accountId,
      severity: ok ? 'WARNING' : 'CRITICAL',
      category: 'ORDER',
      title: ok ? `Reconciliation adopted ${adopted.length} change(s) from the broker` : `Reconciliation found ${mismatches.length} mismatch(es): trading stays HALTED`,
      message: [...mismatches, ...adopted].join('\n').slice(0, 4000),
      context: { adopted, mismatches },
      dedupKey: null,
      occurredAtMs: this.clock.nowMs(),
    });
  }
}

/** One contract's identity, whatever either side calls it. */
function contractKey(underlying: string, expiry: string, strike: number | string | null, type: string): string {
  return `${underlying.toUpperCase()}|${expiry}|${strike === null || strike === '' ? '' : Number(strike)}|${type}`;
}
