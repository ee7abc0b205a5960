import { Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BoolColumn, IntColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';
import { UserEntity } from '../../core/entities/user.entity';

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
  userId!: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @VarcharColumn(100)
  label!: string;

  @BoolColumn({ default: true })
  receivesAlerts!: boolean;
}
