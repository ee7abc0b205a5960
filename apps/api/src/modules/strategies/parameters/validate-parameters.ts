import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppException } from '../../../common/errors/app-exception';
import { validationMessages } from '../../../common/pipes/app-validation.pipe';
import type { StrategyType } from '../entities/strategy-type';
import { FuturesParametersDto } from './dto/futures-parameters.dto';
import { StrangleParametersDto } from './dto/strangle-parameters.dto';

const DTO_OF: Record<StrategyType, new () => object> = {
  WEEKLY_NIFTY_STRANGLE: StrangleParametersDto,
  LLM_VALIDATED_FUTURES: FuturesParametersDto,
};

/**
 * Validates a partial parameter change against the strategy's DTO with the same rules as the
 * global pipe (unknown fields refused). Throws VALIDATION_FAILED with readable messages.
 */
export function validateParameterChange(strategyType: StrategyType, body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppException('VALIDATION_FAILED', ['body must be a JSON object of parameters']);
  }
  const dto = plainToInstance(DTO_OF[strategyType], body);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, validationError: { target: false, value: false } });
  if (errors.length > 0) throw new AppException('VALIDATION_FAILED', validationMessages(errors));
  const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length === 0) throw new AppException('VALIDATION_FAILED', ['body must change at least one parameter']);
  return changes;
}

/** Cross-field rules checked on the merged parameters. */
export function crossFieldProblems(strategyType: StrategyType, p: Record<string, unknown>): string[] {
  const lt = (a: string, b: string, msg: string) => (typeof p[a] === typeof p[b] && p[a] !== undefined && (p[a] as number | string) >= (p[b] as number | string) ? [msg] : []);
  if (strategyType === 'WEEKLY_NIFTY_STRANGLE') {
    return [
      ...lt('vixElevatedAbove', 'vixHighAbove', 'vixElevatedAbove must be below vixHighAbove'),
      ...lt('entryWindowStart', 'entryWindowEnd', 'entryWindowStart must be before entryWindowEnd'),
      ...lt('entryWindowStart', 'entryTime', 'entryTime must lie inside the entry window'),
      ...lt('entryTime', 'entryWindowEnd', 'entryTime must lie inside the entry window'),
    ];
  }
  return lt('pcrBearishBelow', 'pcrBullishAbove', 'pcrBearishBelow must be below pcrBullishAbove');
}
