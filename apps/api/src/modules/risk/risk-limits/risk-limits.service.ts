import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { AuditService } from '../../core/audit/audit.service';
import { RiskLimit } from '../entities/risk-limit.entity';
import { UpdateRiskLimitsDto } from './dto/update-risk-limits.dto';

/** The editable fields of a risk-limit row (what GET returns besides ids and version). */
export type RiskLimitsView = Omit<RiskLimit, 'createdAt'>;

function view(r: RiskLimit): RiskLimitsView {
  const { createdAt: _createdAt, ...rest } = r;
  return rest;
}

/** Reads and changes an account's stored risk limits; every change is audited with old and new values. */
@Injectable()
export class RiskLimitsService {
  constructor(
    @InjectRepository(RiskLimit) private readonly limits: Repository<RiskLimit>,
    private readonly audit: AuditService,
  ) {}

  /** Throws NOT_FOUND when the account has no limits row (created by `init`). */
  async get(accountId: number): Promise<RiskLimitsView> {
    return view(await this.find(accountId));
  }

  /**
   * Applies the given fields. Throws VALIDATION_FAILED for an empty body and for a monthly
   * target below the weekly one; writes the row and its audit entry in one transaction.
   */
  async update(accountId: number, dto: UpdateRiskLimitsDto): Promise<RiskLimitsView> {
    const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<RiskLimit>;
    if (Object.keys(changes).length === 0) throw new AppException('VALIDATION_FAILED', ['body must change at least one limit']);
    const current = await this.find(accountId);
    const next = { ...current, ...changes };
    if (next.monthlyProfitTargetPaise < next.weeklyProfitTargetPaise) {
      throw new AppException('VALIDATION_FAILED', ['monthlyProfitTargetPaise must not be below weeklyProfitTargetPaise']);
    }
    const changedKeys = (Object.keys(changes) as (keyof RiskLimit)[]).filter((k) => current[k] !== changes[k]);
    if (changedKeys.length === 0) return view(current);
    const saved = await this.limits.manager.transaction(async (m) => {
      const row = await m.save(RiskLimit, next);
      await this.audit.record(
        {
          action: 'risk-limits.update',
          entity: 'risk_limit',
          entityId: String(current.id),
          oldValue: Object.fromEntries(changedKeys.map((k) => [k, current[k]])),
          newValue: Object.fromEntries(changedKeys.map((k) => [k, changes[k]])),
        },
        m,
      );
      return row;
    });
    return view(saved);
  }

  private async find(accountId: number): Promise<RiskLimit> {
    const row = await this.limits.findOne({ where: { accountId } });
    if (!row) throw new AppException('NOT_FOUND', `Account ${accountId} has no risk limits`);
    return row;
  }
}
