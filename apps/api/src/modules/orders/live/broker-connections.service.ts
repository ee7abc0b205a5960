import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { In } from 'typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { accountsWhere } from '../../accounts/account-reads';
import { ReconciliationGate } from '../../risk/context/reconciliation-gate';
import { Order } from '../entities/order.entity';
import { EXECUTION_CLIENTS, ExecutionClientRegistry } from '../execution-clients.token';
import { ORDERS_POSITION_LEDGER, type PositionLedger } from '../ports/position-ledger.port';
import { HaltingExecutionClient } from './halting-execution-client';
import { KotakLiveBrokers } from './kotak-live-brokers.service';
import { IciciLiveBrokers } from './icici/icici-live-brokers.service';

/** The order statuses that still need the broker that took them. */
export const OPEN_ORDER_STATUSES = ['INITIALIZED', 'SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED', 'PENDING_CANCEL'] as const;

/** Whether the registry holds a live adapter for the account. */
export const isLiveClient = (client: unknown): boolean => client instanceof HaltingExecutionClient;

/** Whether mCube's journal of the account is flat: no open order, no ACTIVE position (counted by the positions module's `ledger`). */
export async function journalIsFlat(dataSource: DataSource, ledger: Pick<PositionLedger, 'activePositionCount'>, accountId: number): Promise<boolean> {
  const [orders, positions] = await Promise.all([
    dataSource.getRepository(Order).count({ where: { accountId, status: In([...OPEN_ORDER_STATUSES]) } }),
    ledger.activePositionCount(dataSource.manager, accountId),
  ]);
  return orders === 0 && positions === 0;
}

/**
 * Keeps each process's execution-client registry in step with the accounts' stored mode
 * (`broker_accounts.is_paper_trading`), so an API and a worker process agree within a sync:
 * - LIVE (stored) with MCUBE_LIVE_TRADING=true on a Kotak (ICICI) account → the live Kotak (Breeze) adapter;
 * - LIVE without MCUBE_LIVE_TRADING (or a broker with no live adapter) → no client at all:
 *   orders are refused SERVICE_UNAVAILABLE, never sent to paper by mistake;
 * - PAPER while the live adapter still holds open orders or an ACTIVE position → the live
 *   adapter stays until the journal is flat (those positions stay monitored and are exited from
 *   the broker's book), then it is removed and the paper broker connects.
 * `sync` returns the accounts whose client changed (to reconcile at once).
 */
@Injectable()
export class BrokerConnections {
  private readonly logger = new Logger('BrokerConnections');
  private readonly warned = new Set<number>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EXECUTION_CLIENTS) private readonly clients: ExecutionClientRegistry,
    private readonly live: KotakLiveBrokers,
    private readonly gate: ReconciliationGate,
    /** Counts the account's ACTIVE positions (the journal-flat check), the positions module's read. */
    @Inject(ORDERS_POSITION_LEDGER) private readonly ledger: PositionLedger,
    @Optional() private readonly icici?: IciciLiveBrokers,
  ) {}

  async sync(): Promise<number[]> {
    const changed: number[] = [];
    const accounts = await accountsWhere(this.dataSource);
    for (const a of accounts) {
      const current = this.clients.get(a.id);
      if (!a.isPaperTrading) {
        if (isLiveClient(current)) continue;
        const hasAdapter = a.broker === 'KOTAK' || (a.broker === 'ICICI' && this.icici !== undefined);
        if (!this.config.liveTrading || !hasAdapter) {
          if (current) this.clients.unregister(a.id);
          if (current) changed.push(a.id);
          if (!this.warned.has(a.id)) this.logger.error(`account ${a.id} is stored LIVE but ${this.config.liveTrading ? `${a.broker} has no live adapter` : 'MCUBE_LIVE_TRADING is not true'}: it has no broker connection, its orders are refused`);
          this.warned.add(a.id);
          continue;
        }
        this.clients.register(a.id, a.broker === 'ICICI' && this.icici ? this.icici.executionClientFor(a.id) : this.live.executionClientFor(a.id));
        changed.push(a.id);
        this.logger.warn(`account ${a.id} trades LIVE on ${a.broker === 'ICICI' ? 'ICICI Breeze' : 'Kotak'}`);
      } else if (isLiveClient(current) && (await journalIsFlat(this.dataSource, this.ledger, a.id))) {
        // Back to paper once nothing of the live book is open in the journal; the paper broker connects next.
        this.clients.unregister(a.id);
        changed.push(a.id);
        this.logger.warn(`account ${a.id} is back on PAPER: the live adapter is disconnected`);
      }
    }
    // A new client means a new broker book: nothing new goes out until it is reconciled.
    for (const id of changed) this.gate.markUnreconciled(id, false);
    return changed;
  }
}
