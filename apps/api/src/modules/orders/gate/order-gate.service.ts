import { Injectable } from '@nestjs/common';
import type { OrderPurpose } from '@mcube/domain';
import { AppException } from '../../../common/errors/app-exception';
import { AuditService } from '../../core/audit/audit.service';
import { accountGateDenial } from '../../risk/context/account-gate';
import { RiskContextService } from '../../risk/context/risk-context.service';

/** What the REST gate knows of an order-creating request before its body is validated. */
export interface OrderGateRequest {
  readonly accountId: number;
  readonly purpose: OrderPurpose;
  /** `METHOD path`, for the audit entry. */
  readonly route: string;
}

/**
 * The early refusal of order-creating REST calls when the account cannot trade at all:
 * HALTED (the kill switch, or not reconciled since start-up), inactive or breaker open for
 * new risk, REDUCING for new risk. It runs the domain's account checks on the risk module's
 * facts (`RiskContextService.gatherAccountGate`), treating an EXIT or ADJUST as reducing:
 * anything it lets through still meets every check in `OrdersService` (the authority).
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
    const denial = accountGateDenial({ accountId: String(account.id), broker: account.broker, purpose: request.purpose, reducesPosition: reducing }, context);
    if (!denial) return;
    await this.audit.record({ action: 'ORDER_GATE_DENIED', entity: 'broker_account', entityId: String(account.id), newValue: { route: request.route, purpose: request.purpose, code: denial.code, message: denial.message, context: denial.context } });
    throw new AppException('CONFLICT', `${denial.code}: ${denial.message}`);
  }
}
