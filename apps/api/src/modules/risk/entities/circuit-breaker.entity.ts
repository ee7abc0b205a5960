import { Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CodeColumn, InstantColumn, IntColumn, JsonColumn, TextColumn, VarcharColumn } from '../../../database/columns';

/**
 * One trip of the circuit breaker (drawdown, daily/weekly loss limit…): positions closed,
 * account deactivated. Open until a person resets it (`resetBy`, `resetAt`).
 */
@Entity('circuit_breakers')
@Index('ix_circuit_breakers_account_reset', ['accountId', 'resetAt'])
export class CircuitBreaker {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Null for a system-wide trip. */
  @IntColumn({ nullable: true })
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'CASCADE' })
  accountId!: number | null;

  @CodeColumn({ length: 10 })
  scope!: 'ACCOUNT' | 'SYSTEM';

  /** MAX_DRAWDOWN_BREACHED, DAILY_LOSS_LIMIT_BREACHED, WEEKLY_LOSS_LIMIT_BREACHED, MANUAL… */
  @VarcharColumn(60)
  reasonCode!: string;

  @TextColumn()
  reason!: string;

  @JsonColumn({ nullable: true })
  context!: Record<string, unknown> | null;

  @InstantColumn()
  trippedAt!: Date;

  @VarcharColumn(100, { nullable: true })
  resetBy!: string | null;

  @InstantColumn({ nullable: true })
  resetAt!: Date | null;

  @TextColumn({ nullable: true })
  resetNote!: string | null;
}
