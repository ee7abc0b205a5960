import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthResponse } from '@mcube/contracts';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../../../common/decorators/public.decorator';
import { DatabaseHealthIndicator } from './database-health.indicator';
import { RedisHealthIndicator } from './redis-health.indicator';

/** GET /health (public, outside the /api prefix): database always, Redis when configured. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const checks = [() => this.database.ping()];
    if (this.redis.configured) checks.push(() => this.redis.ping());
    try {
      return await this.health.check(checks);
    } catch (err) {
      // Terminus throws 503 with the per-indicator result; return that body rather than a generic error.
      if (err instanceof ServiceUnavailableException) {
        res.status(HttpStatus.SERVICE_UNAVAILABLE);
        return err.getResponse() as HealthResponse;
      }
      throw err;
    }
  }
}
