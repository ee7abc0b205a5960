import { Entity, Unique } from 'typeorm';
import { IntColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/** A stored cooldown of one alert kind (edited by an admin, audited); no row = the built-in default. */
@Entity('alert_cooldowns')
@Unique('uq_alert_cooldowns_kind', ['kind'])
export class AlertCooldown extends TimestampedRow {
  /** The kind, as `alertKindOf` derives it from a dedup key (`strategy:delta`, `loss-limit`…). */
  @VarcharColumn(60)
  kind!: string;

  @IntColumn()
  cooldownSeconds!: number;
}
