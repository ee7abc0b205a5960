import { Entity, Unique } from 'typeorm';
import type { AlertChannelName, AlertSeverity } from '@mcube/domain';
import { BoolColumn, CodeColumn, TimestampedRow, VarcharColumn } from '../../../database/columns';

/**
 * The stored routing of one channel (edited by an admin, audited): on/off, the quietest
 * severity it takes, and IST quiet hours for INFO. No row = the plan's default.
 */
@Entity('alert_channel_settings')
@Unique('uq_alert_channel_settings_channel', ['channel'])
export class AlertChannelSetting extends TimestampedRow {
  @CodeColumn({ length: 10 })
  channel!: AlertChannelName;

  @BoolColumn({ default: true })
  enabled!: boolean;

  @CodeColumn({ length: 10 })
  minSeverity!: AlertSeverity;

  /** IST 'HH:MM'; both null = no quiet hours. */
  @VarcharColumn(5, { nullable: true })
  quietFrom!: string | null;

  @VarcharColumn(5, { nullable: true })
  quietTo!: string | null;
}
