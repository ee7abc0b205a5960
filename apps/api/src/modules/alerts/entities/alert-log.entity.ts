import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CodeColumn, InstantColumn, IntColumn, TextColumn, VarcharColumn } from '../../../database/columns';
import { Alert } from './alert.entity';

/** What happened to one attempt. */
export type AlertLogStatus = 'SENT' | 'RETRYING' | 'FAILED' | 'SKIPPED';

/** One delivery attempt of an alert on one channel. Append-only. */
@Entity('alert_logs')
@Index('ix_alert_logs_alert', ['alertId'])
@Index('ix_alert_logs_channel_occurred', ['channel', 'occurredAt'])
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

  /** SENT; RETRYING (failed, another attempt is scheduled); FAILED (failed, no more attempts); SKIPPED (switched off, quiet hours). */
  @CodeColumn({ length: 10 })
  status!: AlertLogStatus;

  /** The chat id, phone number or e-mail list this attempt went to (null for a SKIPPED channel). */
  @VarcharColumn(200, { nullable: true })
  recipient!: string | null;

  @IntColumn({ default: 1 })
  attempt!: number;

  @VarcharColumn(120, { nullable: true })
  providerMessageId!: string | null;

  @TextColumn({ nullable: true })
  errorMessage!: string | null;

  @InstantColumn()
  occurredAt!: Date;
}
