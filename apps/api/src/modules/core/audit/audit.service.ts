import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { redactSecrets } from '../../../common/logging/redaction';
import { currentRequestContext } from '../../../common/request-context/request-context';
import { AuditLogEntity } from '../entities/audit-log.entity';

/** One change to record; actor and correlation id come from the request context. */
export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
}

/** A page of the audit log, newest first. */
export interface AuditPage {
  items: AuditLogEntity[];
  total: number;
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(redactSecrets(value));
}

/** Which entries of one entity `historyOf` returns. */
export interface AuditHistoryQuery {
  entity: string;
  entityId: string;
  action: string;
  limit: number;
}

/** Writes and reads the append-only audit log (the core module owns `audit_log`: other modules go through this). */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly repo: Repository<AuditLogEntity>) {}

  /** An instance over `dataSource`, for code outside Nest's injection (a one-shot command). */
  static over(dataSource: DataSource): AuditService {
    return new AuditService(dataSource.getRepository(AuditLogEntity));
  }

  /** The entries of one action on one entity, newest first, at most `limit`. */
  historyOf(q: AuditHistoryQuery): Promise<AuditLogEntity[]> {
    return this.repo.find({ where: { entity: q.entity, entityId: q.entityId, action: q.action }, order: { id: 'DESC' }, take: q.limit });
  }

  /**
   * Appends one entry. Pass the transaction's manager so the entry commits (or rolls back)
   * with the change it describes. Secret-named fields are redacted before storing.
   */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const ctx = currentRequestContext();
    const principal = ctx?.principal;
    const actor = !principal ? 'system' : principal.via === 'api-key' ? `${principal.username} (api key ${principal.apiKeyName ?? '?'})` : principal.username;
    const repo = manager ? manager.getRepository(AuditLogEntity) : this.repo;
    await repo.insert({
      actor: actor.slice(0, 200),
      actorUserId: principal?.userId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      oldValue: toJson(entry.oldValue),
      newValue: toJson(entry.newValue),
      correlationId: ctx?.correlationId ?? null,
    });
  }

  /** Newest first. */
  async list(opts: { limit: number; offset: number; entity?: string }): Promise<AuditPage> {
    const [items, total] = await this.repo.findAndCount({
      where: opts.entity ? { entity: opts.entity } : {},
      order: { id: 'DESC' },
      take: opts.limit,
      skip: opts.offset,
    });
    return { items, total };
  }
}
