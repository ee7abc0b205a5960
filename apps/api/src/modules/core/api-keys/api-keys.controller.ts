import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../../common/decorators/current-principal.decorator';
import { Principal } from '../../../common/request-context/principal';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

/** API keys for scripts: the clear key is in the creation response only. */
@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  create(@CurrentPrincipal() caller: Principal, @Body() dto: CreateApiKeyDto) {
    return this.keys.create(caller, dto);
  }

  @Get()
  list(@CurrentPrincipal() caller: Principal) {
    return this.keys.list(caller);
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@CurrentPrincipal() caller: Principal, @Param('id', IdParamPipe) id: number): Promise<void> {
    return this.keys.revoke(caller, id);
  }
}
