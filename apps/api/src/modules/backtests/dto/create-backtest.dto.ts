import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BACKTEST_STRATEGIES, type BacktestDataSource, type BacktestStrategyName, type CreateBacktestRequest } from '@mcube/contracts';
import { IsIn, IsObject, ValidateIf, type ValidationArguments, ValidatorConstraint, type ValidatorConstraintInterface, Validate } from 'class-validator';
import { IsRealIsoDate } from '../../../common/validation/iso-date';
import { IsIntIn, OptionalNotNull } from '../../../common/validation/validators';

const KEY = /^[A-Za-z][\w.]{0,79}$/;

/** `params`: at most 60 `key → string | number | boolean` pairs, keys like `targetPct`, `filters.maxVix`, `engine.tickMinutes`. */
@ValidatorConstraint({ name: 'backtestParams' })
class BacktestParamsShape implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length <= 60 && entries.every(([k, v]) => KEY.test(k) && (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 40)));
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be an object of at most 60 parameter names (letters, digits, . _) to a string (≤ 40 characters), a finite number or a boolean`;
  }
}

/** POST /api/backtests: what to run. Parameter names and values are checked by the engine's own parameter rules too (400 naming `params.<key>`). */
export class CreateBacktestDto implements CreateBacktestRequest {
  @ApiProperty({ enum: BACKTEST_STRATEGIES }) @IsIn([...BACKTEST_STRATEGIES])
  strategy!: BacktestStrategyName;

  @ApiProperty({ example: '2024-01-01', description: 'first IST date' }) @IsRealIsoDate()
  from!: string;

  @ApiProperty({ example: '2024-03-31', description: 'last IST date' }) @IsRealIsoDate()
  to!: string;

  @ApiPropertyOptional({ example: { targetPct: 60, 'engine.ticks': 'daily' } }) @OptionalNotNull() @IsObject() @Validate(BacktestParamsShape)
  params?: Record<string, string | number | boolean>;

  @ApiProperty({ enum: ['SHARED', 'SIMULATOR'] }) @IsIn(['SHARED', 'SIMULATOR'])
  dataSource!: BacktestDataSource;

  @ApiPropertyOptional({ description: "the simulator's seed (SIMULATOR only)" }) @ValidateIf((o: CreateBacktestDto) => o.dataSource === 'SIMULATOR' || o.seed !== undefined) @IsIntIn(0, 2_147_483_647)
  seed?: number;
}
