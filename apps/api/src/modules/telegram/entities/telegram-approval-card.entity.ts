import { Entity, Unique } from 'typeorm';
import { CodeColumn, IntColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/** An approval card posted in one chat: kept so a decision taken anywhere edits the message (survives restarts). */
@Entity('telegram_approval_cards')
@Unique('uq_telegram_approval_cards_approval_chat', ['approvalId', 'chatId'])
export class TelegramApprovalCard extends TimestampedRow {
  @VarcharColumn(64)
  approvalId!: string;

  @VarcharColumn(32)
  chatId!: string;

  @IntColumn()
  messageId!: number;

  /** PENDING, APPROVED, REJECTED, EXPIRED: what the message says now. */
  @CodeColumn({ length: 10 })
  state!: string;
}
