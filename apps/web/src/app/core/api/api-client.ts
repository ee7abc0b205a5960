import { HttpClient, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { CsrfTokenStore } from '../auth/csrf-token.store';

/**
 * The one gateway to the REST API (`/api/...`): cookies are sent (withCredentials) and every
 * write carries the session's CSRF token in `x-csrf-token`. Failures reject with an ApiError
 * (see apiErrorInterceptor). Feature services build on it; pages never call HttpClient directly.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);
  private readonly csrf = inject(CsrfTokenStore);

  get<T>(path: string, params?: Record<string, string | number>): Promise<T> {
    return firstValueFrom(this.http.get<T>(this.url(path), { params, withCredentials: true }));
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return firstValueFrom(this.http.post<T>(this.url(path), body, this.writeOptions()));
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return firstValueFrom(this.http.put<T>(this.url(path), body, this.writeOptions()));
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return firstValueFrom(this.http.patch<T>(this.url(path), body, this.writeOptions()));
  }

  delete(path: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(this.url(path), this.writeOptions()));
  }

  /** A DELETE whose answer carries a body (the resource as it is after the removal). */
  deleteWithBody<T>(path: string): Promise<T> {
    return firstValueFrom(this.http.delete<T>(this.url(path), this.writeOptions()));
  }

  private url(path: string): string {
    return '/api' + (path.startsWith('/') ? path : '/' + path);
  }

  private writeOptions(): { headers: HttpHeaders; withCredentials: true } {
    const token = this.csrf.token();
    return { headers: token ? new HttpHeaders({ 'x-csrf-token': token }) : new HttpHeaders(), withCredentials: true };
  }
}
