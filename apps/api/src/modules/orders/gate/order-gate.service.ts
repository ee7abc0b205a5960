import { Injectable } from '@nestjs/common';
import { accountStateDenial, type OrderPurpose } from '@mcube/domain';
import { AppException } from '../../../common/errors/app-exception';
import { AuditService } from '../../core/audit/audit.service';
import { RiskContextService } from '../../risk/context/risk-context.service';

/** What the REST gate knows of an order-creating request before its body is validated. */
export interface OrderGateRequest {
  readonly accountId: number;
  readonly purpose: OrderPurpose;
  /** `METHOD path`, for the audit entry. */
  readonly route: string;
}

/**
 * The early refusal of order-creating REST calls when the account's state refuses them: the
 * kill switch's HALTED (everything), or for new risk the kill switch's REDUCING, a pending or
 * mismatched reconciliation, an inactive account or an open breaker. It runs the domain's
 * trading-state model (`accountStateDenial`) on the risk module's facts
 * (`RiskContextService.gatherAccountGate`), treating an EXIT or ADJUST as reducing: anything it
 * lets through still meets every check in `OrdersService` (the authority), which asks the
 * broker whether it confirms the position being reduced.
 * A refusal is audited (ORDER_GATE_DENIED) and thrown as CONFLICT `<denial code>: <message>`.
 */
@Injectable()
export class OrderGateService {
  constructor(
    private readonly riskContext: RiskContextService,
    private readonly audit: AuditService,
  ) {}

  /** Throws AppException CONFLICT on a denial, NOT_FOUND for an unknown account. */
  async check(request: OrderGateRequest): Promise<void> {
    const { account, context } = await this.riskContext.gatherAccountGate(request.accountId);
    const reducing = request.purpose === 'EXIT' || request.purpose === 'ADJUST';
    const denial = accountStateDenial({ accountId: String(account.id), broker: account.broker, purpose: request.purpose, reducesPosition: reducing }, context);
    if (!denial) return;
    await this.audit.record({ action: 'ORDER_GATE_DENIED', entity: 'broker_account', entityId: String(account.id), newValue: { route: request.route, purpose: request.purpose, code: denial.code, message: denial.message, context: denial.context } });
    throw new AppException('CONFLICT', `${denial.code}: ${denial.message}`);
  }
}
