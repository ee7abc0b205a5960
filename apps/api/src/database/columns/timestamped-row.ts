import { PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from './instant-column';

/**
 * Base of mutable rows (the plan's `TimeStampedModel`): integer id, `created_at`,
 * `updated_at`. Not an entity itself; TypeORM copies its columns into each subclass.
 */
export abstract class TimestampedRow {
  @PrimaryGeneratedColumn()
  id!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
