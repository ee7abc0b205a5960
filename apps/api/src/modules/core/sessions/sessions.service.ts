import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';
import { randomToken, sha256Hex } from '../../../common/crypto/tokens';
import type { WriteVersion } from '../../../database/read-cache';
import { SessionEntity } from '../entities/session.entity';
import { UserEntity } from '../entities/user.entity';
import { authWriteVersionOf } from './auth-write-version';
import { CredentialRevocations } from './credential-revocations';

/** A new session: the clear token goes into the cookie once and is never stored. */
export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Only touch `last_seen_at` this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * How long a resolved session and its user are served from memory (wall ms) while no user, key or
 * session was written through the database connection; logout, and any change to the user (deactivation,
 * role or password), drop them at once; the TTL bounds what another process's change takes to be seen (issue 21: two queries a request).
 */
export const SESSION_CACHE_TTL_MS = 5_000;
const SESSION_CACHE_MAX = 1_000;

/** Server-side console sessions keyed by the SHA-256 of a random 256-bit token. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly revocations: CredentialRevocations,
  ) {
    this.writes = authWriteVersionOf(sessions.manager.connection);
    revocations.subscribe((r) => {
      if (r.kind === 'api-key') return;
      for (const [hash, c] of this.resolved) if (r.kind === 'session' ? hash === r.tokenHash : c.user.id === r.userId) this.resolved.delete(hash);
    });
  }

  private readonly writes: WriteVersion;
  /** Resolved sessions by token hash, with when the entry stops being trusted and the write counter it was read at. */
  private readonly resolved = new Map<string, { session: SessionEntity; user: UserEntity; cachedUntilMs: number; version: number }>();

  /** Opens a session for a user who has just proven their password. */
  async issue(userId: number, ip: string | null): Promise<IssuedSession> {
    const token = randomToken(32);
    const csrfToken = randomToken(32);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.security.sessionTtlHours * 3_600_000);
    await this.sessions.delete({ userId, expiresAt: LessThan(now) });
    await this.sessions.insert({ tokenHash: sha256Hex(token), userId, csrfToken, expiresAt, lastSeenAt: now, ip: ip?.slice(0, 64) ?? null });
    return { token, csrfToken, expiresAt };
  }

  /** The live session and its active user for a cookie token, or undefined (unknown, expired, user inactive). */
  async resolve(token: string): Promise<{ session: SessionEntity; user: UserEntity } | undefined> {
    if (token.length < 32 || token.length > 128) return undefined;
    const tokenHash = sha256Hex(token);
    const now = new Date();
    let found = this.resolved.get(tokenHash);
    if (!found || found.cachedUntilMs <= now.getTime() || found.version !== this.writes.value) {
      this.resolved.delete(tokenHash);
      const version = this.writes.value;
      const session = await this.sessions.findOne({ where: { tokenHash } });
      if (!session) return undefined;
      if (session.expiresAt.getTime() <= now.getTime()) {
        await this.sessions.delete({ tokenHash });
        return undefined;
      }
      const user = await this.users.findOne({ where: { id: session.userId } });
      if (!user || !user.isActive) return undefined;
      found = { session, user, cachedUntilMs: now.getTime() + SESSION_CACHE_TTL_MS, version };
      if (this.resolved.size >= SESSION_CACHE_MAX) this.resolved.clear();
      this.resolved.set(tokenHash, found);
    }
    const { session, user } = found;
    if (session.expiresAt.getTime() <= now.getTime()) {
      this.resolved.delete(tokenHash);
      await this.sessions.delete({ tokenHash: session.tokenHash });
      return undefined;
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      session.lastSeenAt = now;
      await this.sessions.update({ tokenHash: session.tokenHash }, { lastSeenAt: now });
      // Its own write does not make the session stale.
      found.version = this.writes.value;
    }
    return { session, user };
  }

  /** Ends one session (logout); its open sockets close. */
  async revoke(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
    this.revocations.publish({ kind: 'session', tokenHash });
  }

  /** Ends every session of a user (deactivation, role or password change); every socket of the user closes. */
  async revokeAllFor(userId: number): Promise<void> {
    await this.sessions.delete({ userId });
    this.revocations.publish({ kind: 'user', userId });
  }
}
