import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/decorators/roles.decorator';
import { IdParamPipe } from '../../common/pipes/id-param.pipe';
import { AccountsService } from './accounts.service';
import { CredentialsService } from './credentials/credentials.service';
import { PutCredentialsDto } from './credentials/dto/put-credentials.dto';

/** Broker accounts and their write-only credentials. */
@ApiTags('accounts')
@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly credentials: CredentialsService,
  ) {}

  @Get('accounts')
  list() {
    return this.accounts.list();
  }

  /** Write-only: answers with the masked field list, never the values. Admin only. */
  @Roles('admin')
  @Put('accounts/:id/credentials')
  putCredentials(@Param('id', IdParamPipe) id: number, @Body() dto: PutCredentialsDto) {
    return this.credentials.replace(id, { ...dto });
  }

  @Roles('admin')
  @Delete('accounts/:id/credentials')
  @HttpCode(204)
  deleteCredentials(@Param('id', IdParamPipe) id: number): Promise<void> {
    return this.credentials.remove(id);
  }

  /** Rotation: re-seal every stored value with the current key (see .env.example). */
  @Roles('admin')
  @Post('admin/credentials/re-encrypt')
  @HttpCode(200)
  reEncrypt() {
    return this.credentials.reEncryptAll();
  }
}
