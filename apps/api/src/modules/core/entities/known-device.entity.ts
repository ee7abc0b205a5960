import { Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, InstantColumn, IntColumn } from '../../../database/columns';

/**
 * A browser that has logged in as a user before (the `mcube_device` cookie). It is no
 * credential: it only gives its login attempts their own throttle counter, so failures by
 * someone else (same address or not) never slow that browser down. Only the SHA-256 is kept.
 */
@Entity('known_devices')
export class KnownDeviceEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Index('ix_known_devices_user_id')
  @IntColumn()
  userId!: number;

  @InstantColumn()
  expiresAt!: Date;

  @InstantColumn()
  lastUsedAt!: Date;

  @CreatedAtColumn()
  createdAt!: Date;
}
