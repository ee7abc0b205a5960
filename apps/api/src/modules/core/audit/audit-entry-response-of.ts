import type { AuditEntryResponse } from '@mcube/contracts';
import { instantJson } from '../../../common/contracts/instant-json';
import type { AuditLogEntity } from '../entities/audit-log.entity';

/** One audit-log row as REST shows it (values already redacted JSON text). */
export function auditEntryResponseOf(e: AuditLogEntity): AuditEntryResponse {
  return {
    id: e.id,
    actor: e.actor,
    actorUserId: e.actorUserId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    oldValue: e.oldValue,
    newValue: e.newValue,
    correlationId: e.correlationId,
    at: instantJson(e.at),
  };
}
