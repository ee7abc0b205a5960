import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CodeColumn, InstantColumn, IntColumn, TextColumn, VarcharColumn } from '../../../database/columns';
import { Alert } from './alert.entity';

/** One delivery attempt of an alert on one channel. Append-only. */
@Entity('alert_logs')
@Index('ix_alert_logs_alert', ['alertId'])
export class AlertLog {
  @PrimaryGeneratedColumn()
  id!: number;

  @IntColumn()
  alertId!: number;

  @ManyToOne(() => Alert, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alert_id' })
  alert?: Alert;

  /** TELEGRAM, EMAIL, SMS, WEB, LOG. */
  @CodeColumn({ length: 10 })
  channel!: string;

  @CodeColumn({ length: 10 })
  status!: 'SENT' | 'FAILED' | 'SKIPPED';

  @IntColumn({ default: 1 })
  attempt!: number;

  @VarcharColumn(120, { nullable: true })
  providerMessageId!: string | null;

  @TextColumn({ nullable: true })
  errorMessage!: string | null;

  @InstantColumn()
  occurredAt!: Date;
}
