import { inject, Injectable } from '@angular/core';
import type { Role, UserResponse } from '@mcube/contracts';
import { ApiClient } from '../../core/api/api-client';

/** User management (admin only). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly api = inject(ApiClient);

  list(): Promise<UserResponse[]> {
    return this.api.get<UserResponse[]>('/users');
  }

  create(input: { username: string; password: string; role: Role }): Promise<UserResponse> {
    return this.api.post<UserResponse>('/users', input);
  }

  update(id: number, change: { role?: Role; isActive?: boolean }): Promise<UserResponse> {
    return this.api.patch<UserResponse>(`/users/${id}`, change);
  }
}
