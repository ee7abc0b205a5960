import { inject, Injectable } from '@angular/core';
import { ApiClient } from '../../core/api/api-client';
import type { ApiKeyResponse, CreatedApiKeyResponse, Role } from '@mcube/contracts';

/** API keys for scripts: create (the clear key comes back once), list, revoke. */
@Injectable({ providedIn: 'root' })
export class ApiKeysApi {
  private readonly api = inject(ApiClient);

  list(): Promise<ApiKeyResponse[]> {
    return this.api.get<ApiKeyResponse[]>('/api-keys');
  }

  /** The answer's `key` is the only time the clear key is ever shown. */
  create(name: string, role: Role): Promise<CreatedApiKeyResponse> {
    return this.api.post<CreatedApiKeyResponse>('/api-keys', { name, role });
  }

  revoke(id: number): Promise<void> {
    return this.api.delete(`/api-keys/${id}`);
  }
}
