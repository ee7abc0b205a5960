import { inject, Injectable } from '@angular/core';
import { ApiClient } from '../../core/api/api-client';
import type { Role, UserView } from '../../core/auth/auth.models';

/** User management (admin only). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly api = inject(ApiClient);

  list(): Promise<UserView[]> {
    return this.api.get<UserView[]>('/users');
  }

  create(input: { username: string; password: string; role: Role }): Promise<UserView> {
    return this.api.post<UserView>('/users', input);
  }

  update(id: number, change: { role?: Role; isActive?: boolean }): Promise<UserView> {
    return this.api.patch<UserView>(`/users/${id}`, change);
  }
}
