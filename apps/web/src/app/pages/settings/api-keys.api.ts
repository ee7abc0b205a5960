import { inject, Injectable } from '@angular/core';
import { ApiClient } from '../../core/api/api-client';
import type { Role } from '../../core/auth/auth.models';

/** GET /api/api-keys item (never the key itself). */
export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  userId: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** API keys for scripts: create (the clear key comes back once), list, revoke. */
@Injectable({ providedIn: 'root' })
export class ApiKeysApi {
  private readonly api = inject(ApiClient);

  list(): Promise<ApiKeyView[]> {
    return this.api.get<ApiKeyView[]>('/api-keys');
  }

  /** The answer's `key` is the only time the clear key is ever shown. */
  create(name: string, role: Role): Promise<ApiKeyView & { key: string }> {
    return this.api.post<ApiKeyView & { key: string }>('/api-keys', { name, role });
  }

  revoke(id: number): Promise<void> {
    return this.api.delete(`/api-keys/${id}`);
  }
}
