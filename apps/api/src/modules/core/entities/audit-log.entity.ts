import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IntColumn, TextColumn, VarcharColumn } from '../../../database/columns';

/**
 * One change to a stored setting or a security object: who, when, what, old and new values.
 * Rows are only ever inserted. Secrets never appear in `oldValue`/`newValue` (redacted first).
 */
@Entity('audit_log')
export class AuditLogEntity {
  /** Increasing: orders entries written within the same second. */
  @PrimaryGeneratedColumn()
  id!: number;

  /** Username, `<user> (api key <name>)` for a script, or `system`. */
  @VarcharColumn(200)
  actor!: string;

  @IntColumn({ nullable: true })
  actorUserId!: number | null;

  /** Verb such as `risk-limits.update`, `user.create`, `credentials.replace`. */
  @Index('ix_audit_log_action')
  @VarcharColumn(64)
  action!: string;

  @VarcharColumn(64)
  entity!: string;

  @VarcharColumn(64, { nullable: true })
  entityId!: string | null;

  /** JSON text of the values before the change (null on create). */
  @TextColumn({ nullable: true })
  oldValue!: string | null;

  /** JSON text of the values after the change (null on delete). */
  @TextColumn({ nullable: true })
  newValue!: string | null;

  @VarcharColumn(128, { nullable: true })
  correlationId!: string | null;

  @CreatedAtColumn()
  at!: Date;
}
