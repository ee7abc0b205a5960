import { Inject, Injectable } from '@nestjs/common';
import { BacktestInputError, checkCoverage, defaultDataFolder, resolveParameters } from '@mcube/backtest';
import { DomainError, type IsoDate } from '@mcube/domain';
import { AppException } from '../../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { CreateBacktestDto } from './dto/create-backtest.dto';
import type { BacktestChildRequest, DataBounds } from './runner/backtest-child.protocol';
import { runBacktestProcess } from './runner/backtest-process';
import { fieldOfInputError } from './runner/input-error-field';

/** A request the engine will accept: its `--param` pairs and where its data is. */
export interface CheckedBacktest {
  readonly request: BacktestChildRequest;
  readonly given: Record<string, string>;
}

const fail = (field: string, message: string) => new AppException('VALIDATION_FAILED', [`${field}: ${message}`], {}, { field });

/**
 * Checks a run request with the engine's own rules before anything is stored: the parameters
 * (`resolveParameters`: unknown names, bad values, a strangle configuration that does not
 * validate), the calendar's and cost model's coverage, and for the shared history the data's
 * range (read once per folder in a child process, never on the API's event loop).
 * VALIDATION_FAILED (400) names the field.
 */
@Injectable()
export class BacktestRequestValidator {
  private readonly bounds = new Map<string, Promise<DataBounds>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The shared history folder the API's runs read (the replay folder when configured). */
  dataFolder(): string {
    return this.config.marketData.replayDataDir ?? defaultDataFolder({ env: process.env, cwd: process.cwd() });
  }

  async check(dto: CreateBacktestDto): Promise<CheckedBacktest> {
    if (dto.from > dto.to) throw fail('to', `${dto.to} is before from ${dto.from}`);
    if (dto.dataSource === 'SHARED' && dto.seed !== undefined) throw fail('seed', 'is for the SIMULATOR data source only');
    const pairs = Object.entries(dto.params ?? {}).map(([k, v]) => `${k}=${String(v)}`);
    try {
      resolveParameters(pairs);
      checkCoverage(dto.from as IsoDate, dto.to as IsoDate);
    } catch (error) {
      if (error instanceof BacktestInputError || error instanceof DomainError) throw fail(fieldOfInputError(error.message), error.message.replace(/^--param /, ''));
      throw error;
    }
    const request: BacktestChildRequest = { mode: 'run', strategy: dto.strategy, from: dto.from, to: dto.to, params: pairs, dataSource: dto.dataSource, seed: dto.dataSource === 'SIMULATOR' ? (dto.seed ?? null) : null, dataFolder: this.dataFolder() };
    if (dto.dataSource === 'SHARED') this.checkRange(await this.boundsOf(request.dataFolder), dto.from, dto.to);
    return { request, given: Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)])) };
  }

  private checkRange(b: DataBounds, from: string, to: string): void {
    if (to > b.lastDate) throw fail('to', `${to} is after the data's last day (${b.lastDate})`);
    if (from <= b.warmUpLast) throw fail('from', `${from} leaves too few NIFTY closes before it: the first possible day is after ${b.warmUpLast} (data from ${b.firstDate})`);
    if (from <= b.vixFirst) throw fail('from', `the data has no India VIX before ${from} (VIX from ${b.vixFirst})`);
  }

  private boundsOf(folder: string): Promise<DataBounds> {
    let pending = this.bounds.get(folder);
    if (!pending) {
      pending = runBacktestProcess({ mode: 'probe', strategy: 'kotak-strangle', from: '', to: '', params: [], dataSource: 'SHARED', seed: null, dataFolder: folder }, () => undefined).then((r) => {
        if (r.ok && 'bounds' in r) return r.bounds;
        throw new AppException('SERVICE_UNAVAILABLE', `the shared market history could not be read: ${r.ok ? 'no bounds' : r.message}`);
      });
      // A failed read is tried again on the next request (the folder may appear).
      pending.catch(() => this.bounds.delete(folder));
      this.bounds.set(folder, pending);
    }
    return pending;
  }
}
