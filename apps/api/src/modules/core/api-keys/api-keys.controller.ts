import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { ApiTags } from '@nestjs/swagger';
import type { ApiKeyResponse, CreatedApiKeyResponse } from '@mcube/contracts';
import { CurrentPrincipal } from '../../../common/decorators/current-principal.decorator';
import { Principal } from '../../../common/request-context/principal';
import { apiKeyResponseOf } from './api-key-response-of';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

/** API keys for scripts: the clear key is in the creation response only. */
@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  async create(@CurrentPrincipal() caller: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    const created = await this.keys.create(caller, dto);
    return { ...apiKeyResponseOf(created), key: created.key };
  }

  @Get()
  async list(@CurrentPrincipal() caller: Principal): Promise<ApiKeyResponse[]> {
    return (await this.keys.list(caller)).map(apiKeyResponseOf);
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@CurrentPrincipal() caller: Principal, @Param('id', IdParamPipe) id: number): Promise<void> {
    return this.keys.revoke(caller, id);
  }
}
