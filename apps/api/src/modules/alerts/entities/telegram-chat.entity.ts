import { Entity, ForeignKey, Unique } from 'typeorm';
import { BoolColumn, IntColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/**
 * A Telegram chat on the allow-list, bound to the mCube user whose role its commands get.
 * Chats not listed are refused (and audited). Alerts go to every listed chat with `receivesAlerts`.
 */
@Entity('telegram_chats')
@Unique('uq_telegram_chats_chat', ['chatId'])
export class TelegramChat extends TimestampedRow {
  /** Telegram's chat id (up to 52 bits, negative for groups), as text. */
  @VarcharColumn(32)
  chatId!: string;

  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('UserEntity', { onDelete: 'CASCADE' })
  userId!: number;

  @VarcharColumn(100)
  label!: string;

  @BoolColumn({ default: true })
  receivesAlerts!: boolean;
}
