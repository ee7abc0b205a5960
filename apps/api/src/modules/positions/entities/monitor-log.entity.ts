import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CodeColumn, DoubleColumn, InstantColumn, IntColumn, JsonColumn, PaiseColumn, TextColumn } from '../../../database/columns';
import { Position } from './position.entity';

/** One check of an open position by the monitor (delta, stop, target, EOD…). Append-only. */
@Entity('monitor_logs')
@Index('ix_monitor_logs_position_occurred', ['positionId', 'occurredAt'])
export class MonitorLog {
  @PrimaryGeneratedColumn()
  id!: number;

  @IntColumn()
  positionId!: number;

  @ManyToOne(() => Position, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'position_id' })
  position?: Position;

  /** DELTA, STOP_LOSS, TARGET, EOD, EXPIRY, MARK… */
  @CodeColumn({ length: 30 })
  checkType!: string;

  /** Underlying level at the check (index points or rupees). */
  @DoubleColumn({ nullable: true })
  underlyingPrice!: number | null;

  @DoubleColumn({ nullable: true })
  netDelta!: number | null;

  @PaiseColumn({ nullable: true })
  unrealizedPnlPaise!: number | null;

  @TextColumn()
  message!: string;

  @JsonColumn({ nullable: true })
  details!: Record<string, unknown> | null;

  @InstantColumn()
  occurredAt!: Date;
}
