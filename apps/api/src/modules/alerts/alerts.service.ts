import { Injectable } from '@nestjs/common';
import type { AlertResponse } from '@mcube/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { MarketEventsBus } from '../data/snapshots/market-events.bus';
import { Alert, type AlertSeverity } from './entities/alert.entity';

/** What any module hands to `AlertsService.raise`. */
export interface RaiseAlertInput {
  readonly accountId: number | null;
  readonly severity: AlertSeverity;
  /** RISK, STRATEGY, ORDERS, SYSTEM, SECURITY … (max 20 characters). */
  readonly category: string;
  readonly title: string;
  readonly message: string;
  readonly context?: Record<string, unknown> | null;
  /** The same key is stored once: a repeated condition does not flood the feed. */
  readonly dedupKey?: string | null;
  readonly occurredAtMs: number;
}

/** The API shape of a stored alert. */
export function alertResponseOf(a: Alert): AlertResponse {
  return {
    id: a.id,
    accountId: a.accountId,
    severity: a.severity,
    category: a.category,
    title: a.title,
    message: a.message,
    occurredAtMs: a.occurredAt.getTime(),
    acknowledgedAtMs: a.acknowledgedAt ? a.acknowledgedAt.getTime() : null,
    acknowledgedBy: a.acknowledgedBy,
  };
}

/**
 * The one way the API raises an alert: stores the row (once per dedup key) and pushes
 * `alert.raised` to the console. Pass the caller's transaction manager to make the alert part
 * of the same commit (the event is then published by the caller via `publish` after commit).
 */
@Injectable()
export class AlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: MarketEventsBus,
  ) {}

  /** Stores and publishes; returns null when an alert with the same dedup key already exists. */
  async raise(input: RaiseAlertInput): Promise<AlertResponse | null> {
    const stored = await this.store(this.dataSource.manager, input);
    if (stored) this.publish(stored);
    return stored;
  }

  /** Stores inside `manager`'s transaction without publishing; null for a duplicate dedup key. */
  async store(manager: EntityManager, input: RaiseAlertInput): Promise<AlertResponse | null> {
    if (input.dedupKey && (await manager.exists(Alert, { where: { dedupKey: input.dedupKey } }))) return null;
    const row = await manager.save(
      Alert,
      manager.create(Alert, {
        accountId: input.accountId,
        severity: input.severity,
        category: input.category.slice(0, 20),
        title: input.title.slice(0, 200),
        message: input.message,
        context: input.context ?? null,
        dedupKey: input.dedupKey ? input.dedupKey.slice(0, 120) : null,
        occurredAt: new Date(input.occurredAtMs),
        acknowledgedAt: null,
        acknowledgedBy: null,
      }),
    );
    return alertResponseOf(row);
  }

  /** Pushes a stored alert to the console sockets. */
  publish(alert: AlertResponse): void {
    this.bus.publish('alert.raised', alert);
  }
}
