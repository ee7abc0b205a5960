import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { KeyedMutex } from '../../../common/concurrency/keyed-mutex';
import { AppException } from '../../../common/errors/app-exception';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';
import { LoginThrottleEntity } from '../entities/login-throttle.entity';

/** Who is trying a password: the client address, the username typed, and a known browser if any. */
export interface PasswordAttempt {
  address: string;
  /** Lower-case; unknown usernames are counted like real ones (nothing reveals which exist). */
  username: string;
  /** SHA-256 of the browser's `mcube_device` token when that browser is known for this user. */
  knownDevice?: string;
}

/** A streak of failures is forgotten a day after its last failure. */
const STREAK_MEMORY_MS = 24 * 3_600_000;
/** The first wait once the free failures are used up; every further failure doubles it. */
const FIRST_WAIT_MS = 60_000;
/** Old counters are swept at most this often. */
const PRUNE_INTERVAL_MS = 10 * 60_000;

/**
 * The login throttle, in place of an account lock that anyone could trigger against the real
 * user. Failures are counted per address + username (or per known browser, which then skips
 * the address counters): after `maxFailures` the next attempt waits 1 min, then 2, 4… up to
 * `backoffMaxMinutes` (429 with Retry-After); a success clears the streak. Separately, the
 * failures of one address across all usernames are capped per window (against spraying);
 * browsers known for the username are exempt, so people behind a shared address who have
 * logged in before are never shut out. Counters live in the database: a restart keeps them.
 * Times are wall-clock (waits are for people), not market time.
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger('LoginThrottle');
  private readonly locks = new KeyedMutex();
  private lastPruneMs = 0;

  constructor(
    @InjectRepository(LoginThrottleEntity) private readonly rows: Repository<LoginThrottleEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs one password check under the throttle: refuses with 429 while its counters are
   * blocked, else runs `check` (undefined = wrong password, counted as a failure). Attempts on
   * the same counter run one at a time, so a burst of parallel guesses gets no extra tries.
   */
  async attempt<T>(who: PasswordAttempt, check: () => Promise<T | undefined>): Promise<T | undefined> {
    const key = ownKey(who);
    return this.locks.run(key, async () => {
      await this.refuseWhileBlocked(who, key, Date.now());
      const result = await check();
      if (result === undefined) await this.recordFailure(who, key, Date.now());
      else await this.rows.delete({ key });
      return result;
    });
  }

  private async refuseWhileBlocked(who: PasswordAttempt, key: string, now: number): Promise<void> {
    const keys = who.knownDevice ? [key] : [key, addressKey(who.address)];
    const rows = await Promise.all(keys.map((k) => this.rows.findOne({ where: { key: k } })));
    const waitMs = Math.max(0, ...rows.map((r) => (r?.blockedUntil ? r.blockedUntil.getTime() - now : 0)));
    if (waitMs <= 0) return;
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppException('RATE_LIMITED', `Too many failed attempts; retry in ${seconds} s`, { 'Retry-After': String(seconds) });
  }

  private async recordFailure(who: PasswordAttempt, key: string, now: number): Promise<void> {
    const { maxFailures, backoffMaxMinutes } = this.config.security.login;
    const row = await this.rows.findOne({ where: { key } });
    const fresh = !row || now - row.lastFailureAt.getTime() > STREAK_MEMORY_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const waitMs = failures >= maxFailures ? Math.min(backoffMaxMinutes * 60_000, FIRST_WAIT_MS * 2 ** (failures - maxFailures)) : 0;
    await this.rows.save({ key, failures, windowStartedAt: fresh ? new Date(now) : row.windowStartedAt, lastFailureAt: new Date(now), blockedUntil: waitMs > 0 ? new Date(now + waitMs) : null });
    if (failures === maxFailures) this.logger.warn({ username: who.username, address: who.address, knownDevice: who.knownDevice !== undefined }, 'Repeated password failures: further attempts from here wait');
    if (!who.knownDevice) await this.locks.run(addressKey(who.address), () => this.countAddressFailure(who.address, now));
    await this.pruneOccasionally(now);
  }

  private async countAddressFailure(address: string, now: number): Promise<void> {
    const { addressMaxFailures, addressWindowMinutes } = this.config.security.login;
    const key = addressKey(address);
    const windowMs = addressWindowMinutes * 60_000;
    const row = await this.rows.findOne({ where: { key } });
    const fresh = !row || now - row.windowStartedAt.getTime() >= windowMs;
    const startedAt = fresh ? now : row.windowStartedAt.getTime();
    const failures = fresh ? 1 : row.failures + 1;
    await this.rows.save({ key, failures, windowStartedAt: new Date(startedAt), lastFailureAt: new Date(now), blockedUntil: failures >= addressMaxFailures ? new Date(startedAt + windowMs) : null });
    if (failures === addressMaxFailures) this.logger.warn({ address }, 'Many failed logins from one address: unknown browsers there wait for the window to end');
  }

  private async pruneOccasionally(now: number): Promise<void> {
    if (now - this.lastPruneMs < PRUNE_INTERVAL_MS) return;
    this.lastPruneMs = now;
    await this.rows.delete({ lastFailureAt: LessThan(new Date(now - STREAK_MEMORY_MS)) });
  }
}

function ownKey(who: PasswordAttempt): string {
  return who.knownDevice ? `device|${who.knownDevice}` : `user|${who.address}|${who.username}`;
}

function addressKey(address: string): string {
  return `addr|${address}`;
}
