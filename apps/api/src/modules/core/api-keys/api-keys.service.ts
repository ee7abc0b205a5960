import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { randomToken, safeEqual, sha256Hex } from '../../../common/crypto/tokens';
import { AppException } from '../../../common/errors/app-exception';
import { Principal, Role, roleAtLeast } from '../../../common/request-context/principal';
import type { WriteVersion } from '../../../database/read-cache';
import { AuditService } from '../audit/audit.service';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { UserEntity } from '../entities/user.entity';
import { authWriteVersionOf } from '../sessions/auth-write-version';
import { CredentialRevocations } from '../sessions/credential-revocations';

/** How stale an API key's `lastUsedAt` may be (wall-time ms). */
export const API_KEY_LAST_USED_RESOLUTION_MS = 60_000;

/**
 * How long a resolved key is served from memory (wall ms) while nothing was written through the
 * database connection; revocation, and any change to its owner (deactivation, role or password),
 * drop it at once; the TTL bounds what another process's change takes to be seen. Two queries per scripted request were most of a
 * cheap read's cost (issue 21).
 */
export const API_KEY_CACHE_TTL_MS = 5_000;
const API_KEY_CACHE_MAX = 1_000;

interface CachedKey {
  principal: Principal;
  keyId: number;
  lastUsedAtMs: number | null;
  expiresAtMs: number;
  /** The connection's write counter when the key was read. */
  version: number;
}

/** Clear keys look like `mcube_<prefix>_<secret>`: the prefix finds the row, the whole key is hashed. */
const KEY_FORMAT = /^mcube_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** An API key as listed: never the key nor its hash. */
export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  userId: number;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function view(k: ApiKeyEntity): ApiKeyView {
  return { id: k.id, name: k.name, prefix: k.prefix, role: k.role, userId: k.userId, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt };
}

/** Creates, lists, revokes and resolves hashed API keys. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly audit: AuditService,
    private readonly revocations: CredentialRevocations,
  ) {
    this.writes = authWriteVersionOf(keys.manager.connection);
    revocations.subscribe((r) => {
      if (r.kind === 'session') return;
      for (const [hash, c] of this.resolved) if (r.kind === 'api-key' ? c.keyId === r.keyId : c.principal.userId === r.userId) this.resolved.delete(hash);
    });
  }

  private readonly writes: WriteVersion;

  /** Resolved keys by the hash of the clear key (never the clear key itself). */
  private readonly resolved = new Map<string, CachedKey>();

  /** Creates a key for the caller, with a role no stronger than theirs; returns the clear key once. */
  async create(owner: Principal, input: { name: string; role?: Role }): Promise<ApiKeyView & { key: string }> {
    const role = input.role ?? owner.role;
    if (!roleAtLeast(owner.role, role)) throw new AppException('FORBIDDEN', `A ${owner.role} cannot create a ${role} key`);
    const prefix = randomToken(12).replace(/[^A-Za-z0-9]/g, '').padEnd(12, '0').slice(0, 12);
    const key = `mcube_${prefix}_${randomToken(32)}`;
    const entity = this.keys.create({ prefix, keyHash: sha256Hex(key), name: input.name, userId: owner.userId, role, lastUsedAt: null, revokedAt: null });
    await this.keys.manager.transaction(async (m) => {
      await m.save(entity);
      await this.audit.record({ action: 'api-key.create', entity: 'api_key', entityId: String(entity.id), newValue: { name: entity.name, prefix, role } }, m);
    });
    return { ...view(entity), key };
  }

  /** Admins see every key; others see their own. */
  async list(caller: Principal): Promise<ApiKeyView[]> {
    const where = caller.role === 'admin' ? {} : { userId: caller.userId };
    return (await this.keys.find({ where, order: { createdAt: 'DESC' } })).map(view);
  }

  /** Revokes a key (owner or admin); a revoked key stops working at once. */
  async revoke(caller: Principal, id: number): Promise<void> {
    const key = await this.keys.findOne({ where: { id } });
    if (!key || (caller.role !== 'admin' && key.userId !== caller.userId)) throw new AppException('NOT_FOUND', 'No such API key');
    if (key.revokedAt) return;
    await this.keys.manager.transaction(async (m) => {
      await m.update(ApiKeyEntity, { id }, { revokedAt: new Date() });
      await this.audit.record({ action: 'api-key.revoke', entity: 'api_key', entityId: String(id), oldValue: { revokedAt: null }, newValue: { revoked: true } }, m);
    });
    this.revocations.publish({ kind: 'api-key', keyId: id });
  }

  /** The principal for a clear key, or undefined (malformed, unknown, revoked, owner inactive). */
  async resolve(clear: string): Promise<Principal | undefined> {
    const match = KEY_FORMAT.exec(clear);
    if (!match) return undefined;
    const hash = sha256Hex(clear);
    const nowWallMs = Date.now();
    const cached = this.resolved.get(hash);
    if (cached && cached.expiresAtMs > nowWallMs && cached.version === this.writes.value) {
      await this.touch(cached, nowWallMs);
      return { ...cached.principal };
    }
    this.resolved.delete(hash);
    const version = this.writes.value;
    const key = await this.keys.findOne({ where: { prefix: match[1], revokedAt: IsNull() } });
    if (!key || !safeEqual(key.keyHash, hash)) return undefined;
    const user = await this.users.findOne({ where: { id: key.userId } });
    if (!user || !user.isActive) return undefined;
    // A key never outranks its owner, even after the owner was demoted.
    const role = roleAtLeast(user.role, key.role) ? key.role : user.role;
    const principal: Principal = { userId: user.id, username: user.username, role, via: 'api-key', credentialId: String(key.id), apiKeyName: key.name, mustChangePassword: user.mustChangePassword };
    const entry: CachedKey = { principal, keyId: key.id, lastUsedAtMs: key.lastUsedAt?.getTime() ?? null, expiresAtMs: nowWallMs + API_KEY_CACHE_TTL_MS, version };
    await this.touch(entry, nowWallMs);
    if (this.resolved.size >= API_KEY_CACHE_MAX) this.resolved.clear();
    this.resolved.set(hash, entry);
    return { ...principal };
  }

  /**
   * Wall time, written at most once a minute: a commit (an fsync) per scripted request was a
   * third of the API's cost under load (issue 21), and a minute is all "last used" needs.
   */
  private async touch(entry: CachedKey, nowWallMs: number): Promise<void> {
    if (entry.lastUsedAtMs !== null && nowWallMs - entry.lastUsedAtMs < API_KEY_LAST_USED_RESOLUTION_MS) return;
    entry.lastUsedAtMs = nowWallMs;
    await this.keys.update({ id: entry.keyId }, { lastUsedAt: new Date(nowWallMs) });
    // Its own write does not make the key stale.
    entry.version = this.writes.value;
  }
}
