import { Entity, Index } from 'typeorm';
import type { BacktestDataSource, BacktestStatus, BacktestStrategyName, BacktestSummaryResponse } from '@mcube/contracts';
import { CodeColumn, InstantColumn, IntColumn, IstDateColumn, JsonColumn, TextColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/**
 * One backtest run requested over REST: the request as validated, its progress while the job
 * runs it, then the report (report.json of @mcube/backtest, as text: it is read whole and only
 * by `GET /api/backtests/:id`, so the list never loads it) or the error.
 */
@Entity('backtest_runs')
@Index('ix_backtest_runs_created', ['createdAt'])
export class BacktestRun extends TimestampedRow {
  @CodeColumn({ length: 30 })
  strategy!: BacktestStrategyName;

  @IstDateColumn()
  fromDate!: string;

  @IstDateColumn()
  toDate!: string;

  @CodeColumn({ length: 10 })
  dataSource!: BacktestDataSource;

  /** The simulator's seed (SIMULATOR runs). */
  @IntColumn({ nullable: true })
  seed!: number | null;

  /** The `--param` pairs as given (key → text). */
  @JsonColumn()
  params!: Record<string, string>;

  @CodeColumn({ length: 10, default: 'QUEUED' })
  status!: BacktestStatus;

  @IntColumn({ default: 0 })
  progressPct!: number;

  @TextColumn({ nullable: true })
  error!: string | null;

  @JsonColumn({ nullable: true })
  summary!: BacktestSummaryResponse | null;

  /** report.json (COMPLETED runs). */
  @TextColumn({ nullable: true })
  reportJson!: string | null;

  /** Who asked (username; an API key's name in brackets). */
  @VarcharColumn(200)
  createdBy!: string;

  @InstantColumn({ nullable: true })
  finishedAt!: Date | null;
}
