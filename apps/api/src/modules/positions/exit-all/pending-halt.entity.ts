import { Entity, ForeignKey, Unique } from 'typeorm';
import { CodeColumn, IntColumn, TextColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/**
 * "Exit all and halt" waiting for its account to be flat: stored (not held in memory) so that an
 * API restart between the button and the last fill still sets HALTED once the account is flat.
 * One row per account; deleted when the halt is applied (or dropped because a person moved the
 * kill switch meanwhile).
 */
@Entity('pending_halts')
@Unique('uq_pending_halts_account', ['accountId'])
export class PendingHaltRow extends TimestampedRow {
  @IntColumn()
  // Another module's table: a foreign key by entity name, no relation or import (ARCHITECTURE.md).
  @ForeignKey('BrokerAccount', { onDelete: 'CASCADE' })
  accountId!: number;

  /** The reason given with the button (kept in the kill switch's audit entry when the halt is set). */
  @TextColumn()
  reason!: string;

  /** Who pressed it: the HALTED is set in their name and with their authority. */
  @VarcharColumn(100)
  requestedBy!: string;

  @CodeColumn({ length: 10 })
  requestedByRole!: 'admin' | 'trader' | 'viewer' | 'system';
}
