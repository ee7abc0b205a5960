import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, IntColumn } from '../../../database/columns';

/**
 * One failure counter of the login throttle, stored so a restart does not reset it. `key` is
 * `user|<address>|<username>`, `device|<sha256 of a known-browser token>` or `addr|<address>`
 * (see `LoginThrottleService`). Rows are small and replaced in place.
 */
@Entity('login_throttles')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key!: string;

  /** Failures in the current streak (per user/device) or window (per address). */
  @IntColumn({ default: 0 })
  failures!: number;

  /** Start of the streak or window; a streak older than a day is forgotten. */
  @InstantColumn()
  windowStartedAt!: Date;

  @InstantColumn()
  lastFailureAt!: Date;

  /** Attempts on this key are refused with 429 until then. */
  @InstantColumn({ nullable: true })
  blockedUntil!: Date | null;
}
