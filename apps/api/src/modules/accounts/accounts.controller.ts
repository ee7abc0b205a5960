import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AccountResponse, CredentialFieldResponse, CredentialsReEncryptResponse } from '@mcube/contracts';
import { Roles } from '../../common/decorators/roles.decorator';
import { IdParamPipe } from '../../common/pipes/id-param.pipe';
import { accountResponseOf, credentialFieldResponseOf } from './account-response-of';
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
  async list(): Promise<AccountResponse[]> {
    return (await this.accounts.list()).map(accountResponseOf);
  }

  /** Write-only: answers with the masked field list, never the values. Admin only. */
  @Roles('admin')
  @Put('accounts/:id/credentials')
  async putCredentials(@Param('id', IdParamPipe) id: number, @Body() dto: PutCredentialsDto): Promise<CredentialFieldResponse[]> {
    return (await this.credentials.replace(id, { ...dto })).map(credentialFieldResponseOf);
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
  reEncrypt(): Promise<CredentialsReEncryptResponse> {
    return this.credentials.reEncryptAll();
  }
}
