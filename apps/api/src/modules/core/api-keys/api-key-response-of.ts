import type { ApiKeyResponse } from '@mcube/contracts';
import { instantJson, instantJsonOrNull } from '../../../common/contracts/instant-json';
import type { ApiKeyView } from './api-keys.service';

/** An API key as REST lists it: never the key nor its hash. */
export function apiKeyResponseOf(k: ApiKeyView): ApiKeyResponse {
  return { id: k.id, name: k.name, prefix: k.prefix, role: k.role, userId: k.userId, createdAt: instantJson(k.createdAt), lastUsedAt: instantJsonOrNull(k.lastUsedAt), revokedAt: instantJsonOrNull(k.revokedAt) };
}
