import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { randomToken, safeEqual, sha256Hex } from '../../../common/crypto/tokens';
import { AppException } from '../../../common/errors/app-exception';
import { Principal, Role, roleAtLeast } from '../../../common/request-context/principal';
import { AuditService } from '../audit/audit.service';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { UserEntity } from '../entities/user.entity';
import { CredentialRevocations } from '../sessions/credential-revocations';

/** How stale an API key's `lastUsedAt` may be (wall-time ms). */
export const API_KEY_LAST_USED_RESOLUTION_MS = 60_000;

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
  ) {}

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
    const key = await this.keys.findOne({ where: { prefix: match[1], revokedAt: IsNull() } });
    if (!key || !safeEqual(key.keyHash, sha256Hex(clear))) return undefined;
    const user = await this.users.findOne({ where: { id: key.userId } });
    if (!user || !user.isActive) return undefined;
    // Wall time, written at most once a minute: a commit (an fsync) per scripted request was a
    // third of the API's cost under load (issue 21), and a minute is all "last used" needs.
    const nowWallMs = Date.now();
    if (!key.lastUsedAt || nowWallMs - key.lastUsedAt.getTime() >= API_KEY_LAST_USED_RESOLUTION_MS) await this.keys.update({ id: key.id }, { lastUsedAt: new Date(nowWallMs) });
    // A key never outranks its owner, even after the owner was demoted.
    const role = roleAtLeast(user.role, key.role) ? key.role : user.role;
    return { userId: user.id, username: user.username, role, via: 'api-key', credentialId: String(key.id), apiKeyName: key.name, mustChangePassword: user.mustChangePassword };
  }
}
