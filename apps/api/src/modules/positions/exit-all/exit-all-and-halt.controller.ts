import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ExitAllAndHaltResponse } from '@mcube/contracts';
import { ExitAllAndHaltDto } from './exit-all-and-halt.dto';
import { ExitAllAndHaltService } from './exit-all-and-halt.service';

/**
 * The panic button over REST (trader or admin, as the kill switch; a viewer is refused by the
 * default write rule). It lives beside the positions because it exits them; its path is the
 * risk API's, next to the kill switch.
 */
@ApiTags('risk')
@Controller('risk')
export class ExitAllAndHaltController {
  constructor(private readonly service: ExitAllAndHaltService) {}

  @Post('exit-all-and-halt')
  @HttpCode(200)
  exitAllAndHalt(@Body() dto: ExitAllAndHaltDto): Promise<ExitAllAndHaltResponse> {
    return this.service.exitAllAndHalt(dto.reason, dto.accountId);
  }

  /** The halts still waiting for their account to be flat (stored: they survive a restart), leg by leg. */
  @Get('exit-all-and-halt')
  waiting(): Promise<ExitAllAndHaltResponse> {
    return this.service.waitingProgress();
  }
}
