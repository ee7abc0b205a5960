import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * The portable column type of an instant. SQLite knows `datetime` (TypeORM stores UTC text
 * `YYYY-MM-DD HH:MM:SS.SSS`); PostgreSQL has no `datetime`, so `usePortableColumnTypes`
 * maps it to `timestamp with time zone` on that driver. Never `timestamp without time zone`:
 * its value would depend on the server's and the process's time zones.
 */
export const INSTANT_COLUMN_TYPE = 'datetime' as const;

/** A UTC instant (`Date` in TypeScript). */
export function InstantColumn(options: { nullable?: boolean } = {}): PropertyDecorator {
  return Column({ type: INSTANT_COLUMN_TYPE, nullable: options.nullable ?? false });
}

/** When the row was inserted, set by the database. */
export function CreatedAtColumn(): PropertyDecorator {
  return CreateDateColumn({ type: INSTANT_COLUMN_TYPE });
}

/** When the row was last updated, set by TypeORM on every save. */
export function UpdatedAtColumn(): PropertyDecorator {
  return UpdateDateColumn({ type: INSTANT_COLUMN_TYPE });
}

/** An IST calendar date `'YYYY-MM-DD'` (string in TypeScript, `date` in both databases). */
export function IstDateColumn(options: { nullable?: boolean } = {}): PropertyDecorator {
  return Column({ type: 'date', nullable: options.nullable ?? false });
}
