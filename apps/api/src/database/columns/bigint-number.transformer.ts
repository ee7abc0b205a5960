import { ValueTransformer } from 'typeorm';

/**
 * Maps a `bigint` column to a TypeScript `number`. PostgreSQL hands bigints back as strings
 * (to avoid precision loss); SQLite hands back numbers. Either way the value must be a safe
 * integer: anything else is refused loudly rather than rounded.
 */
export const bigintNumberTransformer: ValueTransformer = {
  to(value: unknown): unknown {
    if (value === null || value === undefined) return value;
    // FindOperators (In, MoreThan…) pass through; TypeORM transforms their values itself.
    if (typeof value === 'object') return value;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new TypeError(`Expected a safe integer for a bigint column, got ${String(value)}`);
    }
    return value;
  },
  from(value: unknown): number | null {
    if (value === null || value === undefined) return null;
    const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : (value as number);
    if (!Number.isSafeInteger(n)) {
      throw new TypeError(`Stored bigint ${String(value)} is not a safe integer`);
    }
    return n;
  },
};
