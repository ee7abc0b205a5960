import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { IdParamPipe } from '../../../common/pipes/id-param.pipe';
import { ApiTags } from '@nestjs/swagger';
import type { UserResponse } from '@mcube/contracts';
import { CurrentPrincipal } from '../../../common/decorators/current-principal.decorator';
import { Roles } from '../../../common/decorators/roles.decorator';
import { Principal } from '../../../common/request-context/principal';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { userResponseOf } from './user-response-of';
import { UsersService } from './users.service';

/** User management: admin only. */
@ApiTags('users')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(): Promise<UserResponse[]> {
    return (await this.users.list()).map(userResponseOf);
  }

  @Post()
  async create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return userResponseOf(await this.users.create(dto));
  }

  @Patch(':id')
  async update(@CurrentPrincipal() actor: Principal, @Param('id', IdParamPipe) id: number, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return userResponseOf(await this.users.update(actor, id, dto));
  }
}
