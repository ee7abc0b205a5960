import { Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CodeColumn, InstantColumn, IntColumn, PaiseColumn, VarcharColumn } from '../../../database/columns';
import { Order } from './order.entity';

/**
 * One fill (trade) against an order. `(broker, executionId)` is unique so a fill reported
 * twice (stream and poll) is counted once.
 */
@Entity('executions')
@Unique('uq_executions_broker_execution_id', ['broker', 'executionId'])
@Index('ix_executions_order', ['orderId'])
export class Execution {
  @PrimaryGeneratedColumn()
  id!: number;

  @IntColumn()
  orderId!: number;

  @ManyToOne(() => Order, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id' })
  order?: Order;

  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'RESTRICT' })
  accountId!: number;

  /** KOTAK, ICICI or PAPER. */
  @CodeColumn({ length: 10 })
  broker!: string;

  /** The broker's trade id. */
  @VarcharColumn(64)
  executionId!: string;

  @CodeColumn({ length: 4 })
  side!: 'BUY' | 'SELL';

  /** Units filled by this trade. */
  @IntColumn()
  quantity!: number;

  /** Trade price per unit, paise. */
  @PaiseColumn()
  pricePaise!: number;

  /** Statutory charges and brokerage of this fill, paise. */
  @PaiseColumn({ default: 0 })
  chargesPaise!: number;

  @InstantColumn()
  occurredAt!: Date;

  @InstantColumn()
  recordedAt!: Date;
}
