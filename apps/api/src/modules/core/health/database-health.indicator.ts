import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';

/** Runs `SELECT 1` on the application's database. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
  ) {}

  async ping(key = 'database'): Promise<HealthIndicatorResult> {
    const check = this.indicators.check(key);
    try {
      await this.dataSource.query('SELECT 1');
      return check.up();
    } catch {
      return check.down({ message: 'unreachable' });
    }
  }
}
