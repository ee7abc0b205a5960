import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Repository } from 'typeorm';
import { randomToken, sha256Hex } from '../../../common/crypto/tokens';
import { KnownDeviceEntity } from '../entities/known-device.entity';
import { UserEntity } from '../entities/user.entity';

/** How long a browser stays known after its last successful login. */
export const KNOWN_DEVICE_DAYS = 90;
/** Browsers remembered per user; the least recently used go first. */
const MAX_DEVICES_PER_USER = 20;

/**
 * Browsers that have logged in as a user (the `mcube_device` cookie). Knowing one only moves
 * its login attempts onto their own throttle counter (see `LoginThrottleService`); it never
 * authenticates anything. Wall-clock times.
 */
@Injectable()
export class KnownDevicesService {
  constructor(
    @InjectRepository(KnownDeviceEntity) private readonly devices: Repository<KnownDeviceEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  /** The stored hash of `token` when it is a live device of the user named `username`, else undefined. */
  async knownFor(token: string | undefined, username: string): Promise<string | undefined> {
    if (!token || token.length < 32 || token.length > 128) return undefined;
    const device = await this.devices.findOne({ where: { tokenHash: sha256Hex(token) } });
    if (!device || device.expiresAt.getTime() <= Date.now()) return undefined;
    const user = await this.users.findOne({ where: { id: device.userId }, select: { id: true, username: true } });
    return user?.username === username ? device.tokenHash : undefined;
  }

  /**
   * After a successful login: extends a known device, or remembers a new one and returns its
   * clear token (for the cookie; only the hash is stored).
   */
  async remember(userId: number, knownHash: string | undefined): Promise<{ token?: string; expiresAt: Date }> {
    const now = Date.now();
    const expiresAt = new Date(now + KNOWN_DEVICE_DAYS * 86_400_000);
    if (knownHash) {
      await this.devices.update({ tokenHash: knownHash }, { lastUsedAt: new Date(now), expiresAt });
      return { expiresAt };
    }
    const token = randomToken(32);
    await this.devices.delete({ userId, expiresAt: LessThan(new Date(now)) });
    await this.devices.insert({ tokenHash: sha256Hex(token), userId, expiresAt, lastUsedAt: new Date(now) });
    const all = await this.devices.find({ where: { userId }, order: { lastUsedAt: 'DESC' }, select: { tokenHash: true } });
    const excess = all.slice(MAX_DEVICES_PER_USER).map((d) => d.tokenHash);
    if (excess.length > 0) await this.devices.delete({ tokenHash: In(excess) });
    return { token, expiresAt };
  }
}
