import { Entity, ForeignKey, Index } from 'typeorm';
import { CodeColumn, InstantColumn, IntColumn, JsonColumn, TextColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/** How loud an alert is, quietest first. CRITICAL goes to every channel. */
export const ALERT_SEVERITIES = ['INFO', 'WARNING', 'CRITICAL'] as const;

/** How loud an alert is. */
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Something a person should know (a breaker trip, a failed login, a delta warning…). */
@Entity('alerts')
@Index('ix_alerts_occurred', ['occurredAt'])
@Index('ix_alerts_dedup_key', ['dedupKey'])
export class Alert extends TimestampedRow {
  @IntColumn({ nullable: true })
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'SET NULL' })
  accountId!: number | null;

  @CodeColumn({ length: 10 })
  severity!: AlertSeverity;

  /** RISK, ORDER, POSITION, BROKER, SYSTEM, LLM… */
  @CodeColumn({ length: 20 })
  category!: string;

  @VarcharColumn(200)
  title!: string;

  @TextColumn()
  message!: string;

  @JsonColumn({ nullable: true })
  context!: Record<string, unknown> | null;

  /** Same key within the dedup window → one alert. */
  @VarcharColumn(120, { nullable: true })
  dedupKey!: string | null;

  @InstantColumn()
  occurredAt!: Date;

  @InstantColumn({ nullable: true })
  acknowledgedAt!: Date | null;

  @VarcharColumn(100, { nullable: true })
  acknowledgedBy!: string | null;
}
