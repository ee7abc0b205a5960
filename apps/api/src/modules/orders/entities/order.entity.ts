import { Entity, ForeignKey, Index, Unique, VersionColumn } from 'typeorm';
import {
  BoolColumn,
  CodeColumn,
  DoubleColumn,
  InstantColumn,
  IntColumn,
  IstDateColumn,
  JsonColumn,
  PaiseColumn,
  TextColumn,
  TimestampedRow,
  VarcharColumn,
} from '../../../database/columns';
import type { OrderPurpose as OrderPurposeCode, OrderSide as OrderSideCode, OrderStatus as OrderStatusCode, OrderType as OrderTypeCode } from '@mcube/domain';

/** Name of the unique constraint that makes `clientOrderId` an idempotency key. */
export const ORDER_CLIENT_ID_UNIQUE = 'uq_orders_client_order_id';

/**
 * An order as journaled by mCube, before anything leaves (STYLE §2). `clientOrderId` is the
 * idempotency key (unique) and goes into the broker's tag field; the state history is in
 * `order_events`.
 */
@Entity('orders')
@Unique(ORDER_CLIENT_ID_UNIQUE, ['clientOrderId'])
@Index('ix_orders_account_status', ['accountId', 'status'])
@Index('ix_orders_broker_order_id', ['brokerOrderId'])
export class Order extends TimestampedRow {
  @VarcharColumn(64)
  clientOrderId!: string;

  @VarcharColumn(64, { nullable: true })
  brokerOrderId!: string | null;

  @VarcharColumn(64, { nullable: true })
  exchangeOrderId!: string | null;

  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'RESTRICT' })
  accountId!: number;

  @IntColumn({ nullable: true })
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('Position', { onDelete: 'SET NULL' })
  positionId!: number | null;

  @CodeColumn({ length: 40, nullable: true })
  strategyType!: string | null;

  /** NFO-OPT or NFO-FUT. */
  @CodeColumn({ length: 10 })
  exchangeSegment!: string;

  /** mCube's instrument key (domain `instrumentKey`), e.g. NIFTY-2026-08-25-24500-CE: never the broker's symbol. */
  @VarcharColumn(60)
  tradingSymbol!: string;

  @VarcharColumn(40, { nullable: true })
  instrumentToken!: string | null;

  @VarcharColumn(40)
  underlying!: string;

  @CodeColumn({ length: 4 })
  instrumentType!: 'CE' | 'PE' | 'FUT';

  @DoubleColumn({ nullable: true })
  strike!: number | null;

  @IstDateColumn({ nullable: true })
  expiryDate!: string | null;

  @CodeColumn({ length: 4 })
  side!: OrderSideCode;

  @CodeColumn({ length: 10 })
  orderType!: OrderTypeCode;

  /** Units, not lots. */
  @IntColumn()
  quantity!: number;

  @PaiseColumn({ nullable: true })
  limitPricePaise!: number | null;

  @PaiseColumn({ nullable: true })
  triggerPricePaise!: number | null;

  @CodeColumn({ length: 10 })
  purpose!: OrderPurposeCode;

  @CodeColumn({ length: 20, default: 'INITIALIZED' })
  status!: OrderStatusCode;

  @IntColumn({ default: 0 })
  filledQuantity!: number;

  @PaiseColumn({ nullable: true })
  avgFillPricePaise!: number | null;

  /** A risk denial's code (e.g. ACTIVE_POSITION_EXISTS) and `key=value` context. */
  @VarcharColumn(60, { nullable: true })
  denialCode!: string | null;

  @JsonColumn({ nullable: true })
  denialContext!: Record<string, string | number | boolean> | null;

  @TextColumn({ nullable: true })
  statusReason!: string | null;

  /** True when the send timed out: outcome unknown until the broker says (never resubmitted). */
  @BoolColumn({ default: false })
  inFlightUnknown!: boolean;

  @BoolColumn({ default: true })
  isPaper!: boolean;

  @BoolColumn({ default: false })
  requiresApproval!: boolean;

  @VarcharColumn(100, { nullable: true })
  approvedBy!: string | null;

  @InstantColumn({ nullable: true })
  approvedAt!: Date | null;

  @InstantColumn({ nullable: true })
  submittedAt!: Date | null;

  /** Broker/exchange time of the latest event applied. */
  @InstantColumn({ nullable: true })
  lastEventAt!: Date | null;

  /**
   * A caller's own figures (a strategy's sizing), paise, or null: never from a public input.
   * The gateway computes its own and keeps the larger; a queued intent is checked again with them.
   */
  @PaiseColumn({ nullable: true })
  estimatedMarginPaise!: number | null;

  @PaiseColumn({ nullable: true })
  estimatedRiskPaise!: number | null;

  @PaiseColumn({ nullable: true })
  estimatedExposurePaise!: number | null;

  /** NRML or MIS, as the intent asked (null = NRML). */
  @CodeColumn({ length: 4, nullable: true })
  product!: 'NRML' | 'MIS' | null;

  @VersionColumn()
  version!: number;
}
