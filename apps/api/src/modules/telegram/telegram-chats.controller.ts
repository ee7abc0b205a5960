import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TelegramChatResponse } from '@mcube/contracts';
import { Roles } from '../../common/decorators/roles.decorator';
import { IdParamPipe } from '../../common/pipes/id-param.pipe';
import { CreateTelegramChatDto } from '../alerts/dto/create-telegram-chat.dto';
import { TelegramChatsService } from './telegram-chats.service';

/** The Telegram bot's allow-list: read by everyone, changed by an admin (audited). */
@ApiTags('alerts')
@Controller('alerts/telegram-chats')
export class TelegramChatsController {
  constructor(private readonly chats: TelegramChatsService) {}

  @Get()
  list(): Promise<TelegramChatResponse[]> {
    return this.chats.list();
  }

  @Roles('admin')
  @Post()
  @HttpCode(201)
  add(@Body() dto: CreateTelegramChatDto): Promise<TelegramChatResponse> {
    return this.chats.add(dto);
  }

  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', IdParamPipe) id: number): Promise<void> {
    return this.chats.remove(id);
  }
}
