import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Clock } from '@mcube/domain';
import type { ApprovalOutcome, FuturesApprovalDecision, FuturesApprovalRequest } from '@mcube/strategy-icici-futures';
import { DataSource, FindOptionsWhere, LessThanOrEqual } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import type { Principal } from '../../../common/request-context/principal';
import { inTransaction } from '../../../database/in-transaction';
import type { ApprovalDecision, ApprovalEvent, ApprovalsPort, PendingApproval } from './approvals.port';
import { AuditService } from '../../core/audit/audit.service';
import { mintApprovalToken } from '../../orders/approval/approval-token';
import { IciciFuturesRunner } from '../icici/icici-futures.runner';
import { ApprovalEvents } from './approval-events';
import { ApprovalRequestRow, type ApprovalStatus } from './approval-request.entity';
import { approvalViewOf, pendingApprovalOf, type ApprovalView } from './approval-view';
import { MARKET_CLOCK } from '../../core/clock/clock.token';
import { OrderCommands } from '../../../roles/order-commands/order-commands.service';
import { principalOfActor, type ApprovalCommandRoute } from './approval-command-route';

/** How long the token of an approval stays usable (market time): the strategy sends at once; a minute covers a busy monitor tick. */
export const APPROVAL_TOKEN_TTL_MS = 60_000;

/**
 * The human approval queue (REST, console, Telegram through `ApprovalsPort`). Approving (a
 * trader or admin; the caller checks the role) moves a PENDING, unexpired request to APPROVED in
 * one conditional update together with its single-use token (bound to the request's exact order:
 * account, purpose, contract, side, quantity, the price band; `APPROVAL_TOKEN_TTL_MS`) and the
 * audit row, then hands the decision to the strategy, which sends the order through the gateway
 * (the gateway consumes the token). Rejecting needs a reason. Stale requests expire
 * (`expireStale`, the `approvals.expire` job; also when someone tries to decide one). Every new
 * request and every decision is told to the subscribers once.
 *
 * A decision acts on the account's strategy, so it runs where that strategy runs: in an `api`
 * process (split roles) approving or rejecting is forwarded, like a REST order, to the worker
 * holding the account's lease (`approvals.approve` / `approvals.reject` through `OrderCommands`),
 * which moves the row, mints the token and hands the decision to its strategy; the `api` process
 * never sends the order nor builds a second instance of the strategy.
 */
@Injectable()
export class ApprovalsService implements ApprovalsPort, OnModuleInit {
  private readonly logger = new Logger('Approvals');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MARKET_CLOCK) private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly runner: IciciFuturesRunner,
    private readonly events: ApprovalEvents,
    @Inject(OrderCommands) private readonly commands: ApprovalCommandRoute,
  ) {}

  onModuleInit(): void {
    const accountOfApproval = async (args: Record<string, unknown>) => (await this.dataSource.getRepository(ApprovalRequestRow).findOne({ where: { id: args['id'] as number }, select: { id: true, accountId: true } }))?.accountId;
    this.commands.register('approvals.approve', (args) => this.approveHere(args['id'] as number, principalOfActor(args['by'])), accountOfApproval);
    this.commands.register('approvals.reject', (args) => this.rejectHere(args['id'] as number, principalOfActor(args['by']), args['reason'] as string), accountOfApproval);
  }

  async list(filter: { status?: ApprovalStatus; accountId?: number; limit?: number } = {}): Promise<ApprovalView[]> {
    const where: FindOptionsWhere<ApprovalRequestRow> = {};
    if (filter.status) where.status = filter.status;
    if (filter.accountId) where.accountId = filter.accountId;
    const rows = await this.dataSource.getRepository(ApprovalRequestRow).find({ where, order: { id: 'DESC' }, take: filter.limit ?? 100 });
    return rows.map(approvalViewOf);
  }

  async get(id: number): Promise<ApprovalView> {
    return approvalViewOf(await this.row(id));
  }

  async listPending(): Promise<PendingApproval[]> {
    await this.expireStale();
    const rows = await this.dataSource.getRepository(ApprovalRequestRow).find({ where: { status: 'PENDING' }, order: { id: 'ASC' } });
    return rows.map(pendingApprovalOf);
  }

  subscribe(listener: (event: ApprovalEvent) => void): () => void {
    return this.events.subscribe(listener);
  }

  async approve(id: string, by: Principal): Promise<ApprovalDecision> {
    return (await this.approveWithOutcome(Number(id), by)).decision;
  }

  async reject(id: string, by: Principal, reason: string): Promise<ApprovalDecision> {
    return (await this.rejectWithOutcome(Number(id), by, reason)).decision;
  }

  /** Approves (see the class comment), here or at the account's worker; returns the decision and the stored request with the strategy's outcome. */
  approveWithOutcome(id: number, by: Principal): Promise<{ decision: ApprovalDecision; view: ApprovalView }> {
    if (!this.commands.forwards) return this.approveHere(id, by);
    return this.commands.run('approvals.approve', { id, by: actorArgOf(by) });
  }

  /** Rejects with a reason (required), here or at the account's worker; the strategy journals it. */
  rejectWithOutcome(id: number, by: Principal, reason: string): Promise<{ decision: ApprovalDecision; view: ApprovalView }> {
    if (!this.commands.forwards) return this.rejectHere(id, by, reason);
    return this.commands.run('approvals.reject', { id, by: actorArgOf(by), reason });
  }

  private async approveHere(id: number, by: Principal): Promise<{ decision: ApprovalDecision; view: ApprovalView }> {
    const row = await this.decidable(id);
    const nowMs = this.clock.nowMs();
    const request = row.request as unknown as FuturesApprovalRequest;
    const token = await inTransaction(this.dataSource, async (m) => {
      const moved = await m.createQueryBuilder().update(ApprovalRequestRow).set({ status: 'APPROVED', decidedBy: by.username, decidedAt: new Date(nowMs) }).where('id = :id AND status = :pending', { id, pending: 'PENDING' }).execute();
      if ((moved.affected ?? 0) !== 1) throw new AppException('CONFLICT', `approval ${id} was decided meanwhile`);
      const minted = await mintApprovalToken(m, {
        requestRef: String(id),
        accountId: row.accountId,
        purpose: request.kind === 'AVERAGE' ? 'AVERAGE' : 'ENTRY',
        underlying: request.intent.instrument.underlying,
        instrumentKind: request.intent.instrument.kind,
        expiryDate: request.intent.instrument.expiry,
        side: request.intent.side,
        quantity: request.intent.quantity,
        priceLow: request.priceBand.low,
        priceHigh: request.priceBand.high,
        approvedBy: by.username,
        approvedAtMs: nowMs,
        expiresAtMs: nowMs + APPROVAL_TOKEN_TTL_MS,
      });
      await this.audit.record({ action: 'approval.approve', entity: 'approval_request', entityId: String(id), oldValue: { status: 'PENDING' }, newValue: { status: 'APPROVED', by: by.username, via: by.via, summary: row.summary } }, m);
      return minted;
    });
    const decision: FuturesApprovalDecision = { requestId: request.requestId, approved: true, approval: { approvedBy: by.username, approvedAt: nowMs, token } };
    const outcome = await this.handOver(row, request, decision);
    const told: ApprovalDecision = { id: String(id), state: 'APPROVED', by: by.username, reason: null, atMs: nowMs };
    this.events.emit({ type: 'decided', decision: told });
    return { decision: told, view: approvalViewOf({ ...(await this.row(id)), outcome: outcome as unknown as Record<string, unknown> }) };
  }

  private async rejectHere(id: number, by: Principal, reason: string): Promise<{ decision: ApprovalDecision; view: ApprovalView }> {
    const why = reason.trim();
    if (why.length === 0) throw new AppException('VALIDATION_FAILED', ['reason is required to reject']);
    const row = await this.decidable(id);
    const nowMs = this.clock.nowMs();
    await inTransaction(this.dataSource, async (m) => {
      const moved = await m.createQueryBuilder().update(ApprovalRequestRow).set({ status: 'REJECTED', decidedBy: by.username, decidedAt: new Date(nowMs), reason: why }).where('id = :id AND status = :pending', { id, pending: 'PENDING' }).execute();
      if ((moved.affected ?? 0) !== 1) throw new AppException('CONFLICT', `approval ${id} was decided meanwhile`);
      await this.audit.record({ action: 'approval.reject', entity: 'approval_request', entityId: String(id), oldValue: { status: 'PENDING' }, newValue: { status: 'REJECTED', by: by.username, via: by.via, reason: why } }, m);
    });
    const request = row.request as unknown as FuturesApprovalRequest;
    await this.handOver(row, request, { requestId: request.requestId, approved: false, reason: why });
    const told: ApprovalDecision = { id: String(id), state: 'REJECTED', by: by.username, reason: why, atMs: nowMs };
    this.events.emit({ type: 'decided', decision: told });
    return { decision: told, view: await this.get(id) };
  }

  /** Marks every PENDING request past its expiry (market time) EXPIRED, audited and told; returns how many. */
  async expireStale(): Promise<number> {
    const nowMs = this.clock.nowMs();
    const stale = await this.dataSource.getRepository(ApprovalRequestRow).find({ where: { status: 'PENDING', expiresAt: LessThanOrEqual(new Date(nowMs)) } });
    let expired = 0;
    for (const row of stale) {
      const done = await inTransaction(this.dataSource, async (m) => {
        const moved = await m.createQueryBuilder().update(ApprovalRequestRow).set({ status: 'EXPIRED', decidedAt: new Date(nowMs) }).where('id = :id AND status = :pending', { id: row.id, pending: 'PENDING' }).execute();
        if ((moved.affected ?? 0) !== 1) return false;
        await this.audit.record({ action: 'approval.expire', entity: 'approval_request', entityId: String(row.id), oldValue: { status: 'PENDING' }, newValue: { status: 'EXPIRED', expiresAtMs: row.expiresAt.getTime() } }, m);
        return true;
      });
      if (!done) continue;
      expired++;
      this.events.emit({ type: 'decided', decision: { id: String(row.id), state: 'EXPIRED', by: null, reason: null, atMs: nowMs } });
    }
    return expired;
  }

  private async row(id: number): Promise<ApprovalRequestRow> {
    const row = Number.isSafeInteger(id) && id > 0 ? await this.dataSource.getRepository(ApprovalRequestRow).findOne({ where: { id } }) : null;
    if (!row) throw new AppException('NOT_FOUND', `approval ${id} not found`);
    return row;
  }

  /** The row, PENDING and unexpired; an expired one is marked so first. CONFLICT otherwise. */
  private async decidable(id: number): Promise<ApprovalRequestRow> {
    const row = await this.row(id);
    if (row.status === 'PENDING' && row.expiresAt.getTime() <= this.clock.nowMs()) await this.expireStale();
    const fresh = await this.row(id);
    if (fresh.status !== 'PENDING') throw new AppException('CONFLICT', `approval ${id} is ${fresh.status}`);
    return fresh;
  }

  /** The strategy's handling of a decision, stored on the row; a failure is stored too (the decision stands). */
  private async handOver(row: ApprovalRequestRow, request: FuturesApprovalRequest, decision: FuturesApprovalDecision): Promise<ApprovalOutcome | { status: 'ERROR'; reason: string }> {
    let outcome: ApprovalOutcome | { status: 'ERROR'; reason: string };
    try {
      outcome = await this.runner.onApprovalDecision(row.accountId, request, decision);
    } catch (error) {
      this.logger.error(`approval ${row.id}: the strategy could not act on the decision: ${(error as Error).message}`);
      outcome = { status: 'ERROR', reason: (error as Error).message };
    }
    await inTransaction(this.dataSource, (m) => m.update(ApprovalRequestRow, row.id, { outcome: JSON.parse(JSON.stringify(outcome)) as never }));
    return outcome;
  }
}

/** Who decides, without a credential, as a forwarded command carries it. */
function actorArgOf(by: Principal): Record<string, unknown> {
  return { userId: by.userId, username: by.username, role: by.role, via: by.via, ...(by.apiKeyName === undefined ? {} : { apiKeyName: by.apiKeyName }) };
}
