import { Column } from 'typeorm';
import { bigintNumberTransformer } from './bigint-number.transformer';

/** Options of a money or big-count column. */
export interface BigintColumnOptions {
  nullable?: boolean;
  default?: number;
  comment?: string;
}

/**
 * An integer amount of paise: `bigint` on both PostgreSQL and SQLite (INTEGER affinity),
 * seen by TypeScript as a `number` that is always a safe integer. Never REAL, never decimal.
 */
export function PaiseColumn(options: BigintColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'bigint', transformer: bigintNumberTransformer, nullable: options.nullable ?? false, default: options.default, comment: options.comment });
}

/** A large non-money integer (volume, open interest): `bigint`, seen as a safe-integer `number`. */
export function BigCountColumn(options: BigintColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'bigint', transformer: bigintNumberTransformer, nullable: options.nullable ?? false, default: options.default, comment: options.comment });
}
