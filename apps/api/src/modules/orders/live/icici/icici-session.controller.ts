import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { IciciSessionResponse } from '@mcube/contracts';
import { Roles } from '../../../../common/decorators/roles.decorator';
import { IdParamPipe } from '../../../../common/pipes/id-param.pipe';
import { IciciSessionKeyDto } from './icici-session-key.dto';
import { IciciSessionService } from './icici-session.service';

/** The ICICI account's day session: the login link, and the key a person got there. */
@ApiTags('accounts')
@Controller('accounts/:id/icici-session')
export class IciciSessionController {
  constructor(private readonly sessions: IciciSessionService) {}

  /** Any signed-in user may see the day's state (viewers included); entering a key needs a trader. */
  @Get()
  status(@Param('id', IdParamPipe) id: number): Promise<IciciSessionResponse> {
    return this.sessions.status(id);
  }

  @Roles('trader')
  @Put()
  enter(@Param('id', IdParamPipe) id: number, @Body() dto: IciciSessionKeyDto): Promise<IciciSessionResponse> {
    return this.sessions.enter(id, dto.sessionKey);
  }
}
