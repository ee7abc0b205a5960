import { Inject, Injectable } from '@nestjs/common';
import type { AlertResponse } from '@mcube/contracts';
import type { Clock } from '@mcube/domain';
import { DataSource, IsNull, type FindOptionsWhere } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import type { Principal } from '../../common/request-context/principal';
import { inTransaction } from '../../database/in-transaction';
import { AuditService } from '../core/audit/audit.service';
import { Alert } from './entities/alert.entity';
import { alertResponseOf } from './alerts.service';
import type { ListAlertsDto } from './dto/list-alerts.dto';
import { WALL_CLOCK } from '../core/clock/clock.token';

/** Default and largest page of the feed. */
export const ALERT_FEED_DEFAULT_LIMIT = 100;

/** Who acknowledged, as stored (at most 100 characters): the user, and the API key when one was used. */
function acknowledgerOf(p: Principal): string {
  return (p.via === 'api-key' ? `${p.username} (api key ${p.apiKeyName ?? '?'})` : p.username).slice(0, 100);
}

/** The console's in-app alert feed: list (newest first) and acknowledge (audited, idempotent). */
@Injectable()
export class AlertFeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(WALL_CLOCK) private readonly clock: Clock,
  ) {}

  /** Newest first (by occurrence, then id for alerts of the same instant). */
  async list(q: ListAlertsDto): Promise<AlertResponse[]> {
    const where: FindOptionsWhere<Alert> = {
      ...(q.accountId !== undefined ? { accountId: q.accountId } : {}),
      ...(q.severity !== undefined ? { severity: q.severity } : {}),
      ...(q.unacknowledged === true ? { acknowledgedAt: IsNull() } : {}),
    };
    const rows = await this.dataSource.getRepository(Alert).find({ where, order: { occurredAt: 'DESC', id: 'DESC' }, take: q.limit ?? ALERT_FEED_DEFAULT_LIMIT });
    return rows.map(alertResponseOf);
  }

  /**
   * Marks alert `id` acknowledged by `by` and audits it in the same transaction. Acknowledging
   * an acknowledged alert changes nothing and returns it as it is (first acknowledger kept).
   * Throws NOT_FOUND for an unknown id.
   */
  acknowledge(id: number, by: Principal): Promise<AlertResponse> {
    return inTransaction(this.dataSource, async (m) => {
      const alert = await m.findOne(Alert, { where: { id } });
      if (!alert) throw new AppException('NOT_FOUND', `alert ${id} not found`);
      if (alert.acknowledgedAt) return alertResponseOf(alert);
      const acknowledgedAt = new Date(this.clock.nowMs());
      const acknowledgedBy = acknowledgerOf(by);
      // Conditional update: of two concurrent acknowledgements only one changes the row and is audited.
      const res = await m.update(Alert, { id, acknowledgedAt: IsNull() }, { acknowledgedAt, acknowledgedBy });
      if (res.affected === 0) return alertResponseOf(await m.findOneByOrFail(Alert, { id }));
      await this.audit.record({ action: 'alert.acknowledge', entity: 'alert', entityId: String(id), oldValue: { acknowledgedAt: null }, newValue: { acknowledgedAt: acknowledgedAt.toISOString(), acknowledgedBy } }, m);
      return alertResponseOf({ ...alert, acknowledgedAt, acknowledgedBy });
    });
  }
}
