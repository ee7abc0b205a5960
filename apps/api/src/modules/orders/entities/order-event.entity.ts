import { Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CodeColumn, InstantColumn, IntColumn, JsonColumn } from '../../../database/columns';
import { Order } from './order.entity';

/** One applied event of an order's state machine. Append-only; `sequence` orders them per order. */
@Entity('order_events')
@Unique('uq_order_events_order_sequence', ['orderId', 'sequence'])
export class OrderEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @IntColumn()
  orderId!: number;

  @ManyToOne(() => Order, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Order;

  @IntColumn()
  sequence!: number;

  /** DENIED, SUBMITTED, SEND_TIMED_OUT, ACCEPTED, REJECTED, FILLED, CANCEL_REQUESTED, CANCELED, EXPIRED… */
  @CodeColumn({ length: 30 })
  type!: string;

  @CodeColumn({ length: 20, nullable: true })
  fromStatus!: string | null;

  @CodeColumn({ length: 20 })
  toStatus!: string;

  /** The event's own fields (broker order id, reason, trade id…). */
  @JsonColumn()
  payload!: Record<string, unknown>;

  /** When it happened at the broker/exchange. */
  @InstantColumn()
  occurredAt!: Date;

  /** When mCube stored it. */
  @InstantColumn()
  recordedAt!: Date;
}
