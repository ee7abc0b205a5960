import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, Matches, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/validators';

/** POST /api/alerts/telegram-chats body (admin, audited): allow a chat, bound to an mCube user. */
export class CreateTelegramChatDto {
  /** Telegram's numeric chat id (negative for groups). */
  @ApiProperty({ example: '123456789' }) @Matches(/^-?\d{1,20}$/, { message: '$property must be a Telegram chat id (digits, - for groups)' })
  chatId!: string;

  @ApiProperty() @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER)
  userId!: number;

  @ApiProperty({ example: 'my phone' }) @Matches(/^[\w .,:;()'/-]{1,100}$/, { message: '$property must be 1-100 plain characters' })
  label!: string;

  @ApiPropertyOptional({ default: true }) @OptionalNotNull() @IsBoolean()
  receivesAlerts?: boolean;
}
