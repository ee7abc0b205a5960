import { Injectable, Optional } from '@nestjs/common';
import type { AlertResponse } from '@mcube/contracts';
import { cooldownSuppresses, type AlertChannelName } from '@mcube/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppEventsBus } from '../core/events/app-events.bus';
import { alertKindOf } from './cooldown/alert-kind';
import { cooldownSecondsOf } from './cooldown/cooldown-of';
import { AlertDispatcher } from './delivery/alert-dispatcher.service';
import type { AlertDelivery } from './delivery/alert-delivery-directive';
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
  /**
   * A repeated condition (same key) is stored and sent again only after its kind's cooldown
   * (`alertKindOf`, stored per kind with defaults); CRITICAL is never suppressed.
   */
  readonly dedupKey?: string | null;
  /** The cooldown kind when it is not the dedup key's own (`alertKindOf`). */
  readonly kind?: string;
  /** How it leaves the box; absent = routed by severity. */
  readonly delivery?: AlertDelivery;
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
 * The one way the API raises an alert: stores the row (unless its dedup key repeats within
 * the kind's cooldown), pushes `alert.raised` to the console and hands it to the dispatcher,
 * which routes it to Telegram, e-mail and SMS as delivery jobs (never awaited by the caller's
 * path). Pass the caller's transaction manager to `store` to make the alert part of the same
 * commit; the caller then calls `publish` after commit.
 */
@Injectable()
export class AlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: AppEventsBus,
    /** Absent in hand-built harnesses: the console feed only. */
    @Optional() private readonly dispatcher?: AlertDispatcher,
  ) {}

  /** Stores and publishes; returns null when the same dedup key is still cooling down. */
  async raise(input: RaiseAlertInput): Promise<AlertResponse | null> {
    const stored = await this.store(this.dataSource.manager, input);
    if (stored) this.publish(stored);
    return stored;
  }

  /** Stores inside `manager`'s transaction without publishing; null when the dedup key is cooling down. */
  async store(manager: EntityManager, input: RaiseAlertInput): Promise<AlertResponse | null> {
    const dedupKey = input.dedupKey ? input.dedupKey.slice(0, 120) : null;
    if (dedupKey && (await this.coolingDown(manager, dedupKey, input))) return null;
    const context = input.delivery ? { ...(input.context ?? {}), delivery: input.delivery } : (input.context ?? null);
    const row = await manager.save(
      Alert,
      manager.create(Alert, {
        accountId: input.accountId,
        severity: input.severity,
        category: input.category.slice(0, 20),
        title: input.title.slice(0, 200),
        message: input.message,
        context,
        dedupKey,
        occurredAt: new Date(input.occurredAtMs),
        acknowledgedAt: null,
        acknowledgedBy: null,
      }),
    );
    return alertResponseOf(row);
  }

  /** Pushes a stored alert to the console sockets and starts its delivery (not awaited). */
  publish(alert: AlertResponse): void {
    this.bus.publish('alert.raised', alert);
    this.dispatcher?.dispatch(alert.id);
  }

  private async coolingDown(manager: EntityManager, dedupKey: string, input: RaiseAlertInput): Promise<boolean> {
    if (input.severity === 'CRITICAL') return false;
    const previous = await manager.findOne(Alert, { where: { dedupKey }, order: { occurredAt: 'DESC', id: 'DESC' }, select: { id: true, occurredAt: true } });
    if (!previous) return false;
    const cooldownMs = (await cooldownSecondsOf(manager, input.kind ?? alertKindOf(dedupKey))) * 1000;
    return cooldownSuppresses({ severity: input.severity, previousOccurredAtMs: previous.occurredAt.getTime(), occurredAtMs: input.occurredAtMs, cooldownMs });
  }
}

/** Channels named for explicit routing (re-exported for callers building a delivery). */
export type { AlertChannelName };
