import { Entity, Index, Unique } from 'typeorm';
import { CodeColumn, InstantColumn, IntColumn, IstDateColumn, PaiseColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/**
 * A single-use approval token, minted when a person approves a request of the approval queue,
 * bound to exactly one order: account, purpose, contract, side, quantity, a limit-price band
 * and an expiry. Only its SHA-256 is stored. The gateway consumes it (sets `consumedAt`) in
 * one conditional update before the order leaves; a second use is refused.
 */
@Entity('approval_tokens')
@Unique('uq_approval_tokens_hash', ['tokenHash'])
@Index('ix_approval_tokens_request', ['requestRef'])
export class ApprovalToken extends TimestampedRow {
  /** hex SHA-256 of the token. */
  @VarcharColumn(64)
  tokenHash!: string;

  /** The approval queue's request id this token was minted for. */
  @VarcharColumn(40)
  requestRef!: string;

  @IntColumn()
  accountId!: number;

  @CodeColumn({ length: 10 })
  purpose!: 'ENTRY' | 'AVERAGE';

  @VarcharColumn(60)
  underlying!: string;

  @CodeColumn({ length: 3 })
  instrumentKind!: 'FUT' | 'OPT';

  @IstDateColumn()
  expiryDate!: string;

  @CodeColumn({ length: 4 })
  side!: 'BUY' | 'SELL';

  @IntColumn()
  quantity!: number;

  /** The limit price must lie in [low, high] (paise). */
  @PaiseColumn()
  priceLowPaise!: number;

  @PaiseColumn()
  priceHighPaise!: number;

  @VarcharColumn(100)
  approvedBy!: string;

  @InstantColumn()
  approvedAt!: Date;

  /** Market time after which the token is refused. */
  @InstantColumn()
  expiresAt!: Date;

  @InstantColumn({ nullable: true })
  consumedAt!: Date | null;

  /** The gateway intent that consumed it. */
  @VarcharColumn(64, { nullable: true })
  consumedByIntent!: string | null;
}
