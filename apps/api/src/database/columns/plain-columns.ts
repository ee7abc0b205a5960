import { Column } from 'typeorm';

/**
 * A ratio, percentage, greek or index level: `double precision` on both databases.
 * Never for money (use `PaiseColumn`).
 */
export function DoubleColumn(options: { nullable?: boolean; default?: number } = {}): PropertyDecorator {
  return Column({ type: 'double precision', nullable: options.nullable ?? false, default: options.default });
}

/** A JSON document stored as text (`simple-json`), portable across both databases. */
export function JsonColumn(options: { nullable?: boolean } = {}): PropertyDecorator {
  return Column({ type: 'simple-json', nullable: options.nullable ?? false });
}

/** A short code from a closed vocabulary (status, side, broker…): `varchar(length)`. */
export function CodeColumn(options: { length?: number; nullable?: boolean; default?: string } = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: options.length ?? 20, nullable: options.nullable ?? false, default: options.default });
}

/** A bounded string. */
export function VarcharColumn(length: number, options: { nullable?: boolean; default?: string } = {}): PropertyDecorator {
  return Column({ type: 'varchar', length, nullable: options.nullable ?? false, default: options.default });
}

/** Free text of any length. */
export function TextColumn(options: { nullable?: boolean } = {}): PropertyDecorator {
  return Column({ type: 'text', nullable: options.nullable ?? false });
}

/** A 32-bit integer (counts, quantities in units, versions). */
export function IntColumn(options: { nullable?: boolean; default?: number } = {}): PropertyDecorator {
  return Column({ type: 'integer', nullable: options.nullable ?? false, default: options.default });
}

/** A boolean flag. */
export function BoolColumn(options: { default?: boolean; nullable?: boolean } = {}): PropertyDecorator {
  return Column({ type: 'boolean', nullable: options.nullable ?? false, default: options.default });
}
