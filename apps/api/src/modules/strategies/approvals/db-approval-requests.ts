import type { ApprovalRequestPort, FuturesApprovalRequest } from '@mcube/strategy-icici-futures';
import { DataSource, MoreThan } from 'typeorm';
import { inTransaction } from '../../../database/in-transaction';
import { ApprovalRequestRow } from './approval-request.entity';
import type { ApprovalEvents } from './approval-events';
import { pendingApprovalOf } from './approval-view';

/**
 * The strategy's side of the approval queue: `request` stores the whole request PENDING (a
 * request id seen before is kept as is) and tells the listeners; `openRequests` lists the
 * account's requests still PENDING and unexpired at `nowMs` (market time), from the table, so
 * a restarted strategy never asks twice.
 */
export class DbApprovalRequests implements ApprovalRequestPort {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: ApprovalEvents,
    private readonly strategyType: string,
  ) {}

  async request(request: FuturesApprovalRequest): Promise<void> {
    const known = await this.dataSource.getRepository(ApprovalRequestRow).findOne({ where: { requestRef: request.requestId } });
    if (known) return;
    const row = await inTransaction(this.dataSource, (m) =>
      m.save(
        m.create(ApprovalRequestRow, {
          requestRef: request.requestId,
          accountId: Number(request.accountId),
          strategyType: this.strategyType,
          kind: request.kind,
          status: 'PENDING',
          summary: request.summary,
          // A JSON round-trip: what is stored is exactly what is handed back to the strategy.
          request: JSON.parse(JSON.stringify(request)) as Record<string, unknown>,
          validatorLabel: request.validation?.label ?? null,
          requestedAt: new Date(request.createdAtMs),
          expiresAt: new Date(request.expiresAtMs),
          decidedBy: null,
          decidedAt: null,
          reason: null,
          outcome: null,
        }),
      ),
    );
    this.events.emit({ type: 'created', approval: pendingApprovalOf(row) });
  }

  async openRequests(accountId: string, nowMs: number): Promise<readonly FuturesApprovalRequest[]> {
    const rows = await this.dataSource.getRepository(ApprovalRequestRow).find({ where: { accountId: Number(accountId), status: 'PENDING', expiresAt: MoreThan(new Date(nowMs)) }, order: { id: 'ASC' } });
    return rows.map((r) => r.request as unknown as FuturesApprovalRequest);
  }
}
