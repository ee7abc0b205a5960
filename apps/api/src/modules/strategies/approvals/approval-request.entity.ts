import { Entity, Index, Unique } from 'typeorm';
import { CodeColumn, InstantColumn, IntColumn, JsonColumn, TextColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/** Where an approval request stands. */
export type ApprovalStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'EXPIRED';

/**
 * One request of the human approval queue (an ICICI entry, averaging or roll the strategy
 * wants to place): the strategy's whole request (plan, candidate with its score breakdown,
 * validator verdict with passages) as JSON, and the person's decision. Times are market time.
 */
@Entity('approval_requests')
@Unique('uq_approval_requests_ref', ['requestRef'])
@Index('ix_approval_requests_account_status', ['accountId', 'status'])
export class ApprovalRequestRow extends TimestampedRow {
  /** The strategy's request id. */
  @VarcharColumn(120)
  requestRef!: string;

  @IntColumn()
  accountId!: number;

  @CodeColumn({ length: 40 })
  strategyType!: string;

  @CodeColumn({ length: 10 })
  kind!: 'ENTRY' | 'AVERAGE' | 'ROLL';

  @CodeColumn({ length: 10, default: 'PENDING' })
  status!: ApprovalStatus;

  @TextColumn()
  summary!: string;

  /** The strategy's `FuturesApprovalRequest`, whole. */
  @JsonColumn()
  request!: Record<string, unknown>;

  /** "rules validator — no LLM configured" or the model's name. */
  @VarcharColumn(120, { nullable: true })
  validatorLabel!: string | null;

  @InstantColumn()
  requestedAt!: Date;

  @InstantColumn()
  expiresAt!: Date;

  @VarcharColumn(100, { nullable: true })
  decidedBy!: string | null;

  @InstantColumn({ nullable: true })
  decidedAt!: Date | null;

  @TextColumn({ nullable: true })
  reason!: string | null;

  /** What became of an approval: the strategy's outcome (SUBMITTED with the order id, NOT_SENT with the code). */
  @JsonColumn({ nullable: true })
  outcome!: Record<string, unknown> | null;
}
