import { Body, Controller, Get, HttpCode, Post, type OnModuleInit } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ExitAllAndHaltResponse } from '@mcube/contracts';
import { OrderCommands } from '../../../roles/order-commands/order-commands.service';
import { ExitAllAndHaltDto } from './exit-all-and-halt.dto';
import { ExitAllAndHaltService } from './exit-all-and-halt.service';

/**
 * The panic button over REST (trader or admin, as the kill switch; a viewer is refused by the
 * default write rule). It lives beside the positions because it exits them; its path is the
 * risk API's, next to the kill switch. Its exits are order commands (in the worker when this is
 * an `api` process, see `OrderCommands`).
 */
@ApiTags('risk')
@Controller('risk')
export class ExitAllAndHaltController implements OnModuleInit {
  constructor(
    private readonly service: ExitAllAndHaltService,
    private readonly commands: OrderCommands,
  ) {}

  onModuleInit(): void {
    // Run by the worker holding the account's lease; an `api` process never forwards it without an account (see `exitAllAndHalt`).
    this.commands.register(
      'positions.exit-all-and-halt',
      (args) => this.service.exitAllAndHalt(args['reason'] as ExitAllAndHaltDto['reason'], args['accountId'] as ExitAllAndHaltDto['accountId']),
      async (args) => args['accountId'] as number | undefined,
    );
  }

  @Post('exit-all-and-halt')
  @HttpCode(200)
  exitAllAndHalt(@Body() dto: ExitAllAndHaltDto): Promise<ExitAllAndHaltResponse> {
    if (dto.accountId === undefined && this.commands.forwards) return this.fanOut(dto.reason);
    return this.commands.run('positions.exit-all-and-halt', { reason: dto.reason, accountId: dto.accountId });
  }

  /**
   * Every account, from an `api` process: each account's exits must go through the worker that
   * holds its lease (its broker session and book), so one command per account goes to its
   * holder, all at once. The caller is checked on every account first (one refusal sends
   * nothing, as in one process). The answers are joined in account order; if one fails, the
   * others still ran and the first error is answered (the client repeats the request: accounts
   * already REDUCING or HALTED are simply flattened or halted again).
   */
  private async fanOut(reason: string): Promise<ExitAllAndHaltResponse> {
    const accountIds = await this.service.accountsToExitAll();
    const settled = await Promise.allSettled(accountIds.map((accountId) => this.commands.run<ExitAllAndHaltResponse>('positions.exit-all-and-halt', { reason, accountId })));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    return { reason, accounts: settled.flatMap((s) => (s.status === 'fulfilled' ? s.value.accounts : [])) };
  }

  /** The halts still waiting for their account to be flat (stored: they survive a restart), leg by leg. */
  @Get('exit-all-and-halt')
  waiting(): Promise<ExitAllAndHaltResponse> {
    return this.service.waitingProgress();
  }
}
