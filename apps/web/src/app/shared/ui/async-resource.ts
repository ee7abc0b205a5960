import { signal } from '@angular/core';
import { messageOf } from '../../core/api/api-error';

/** A loaded value with its loading and error state, as signals (one per page section). */
export interface AsyncResource<T> {
  readonly value: ReturnType<typeof signal<T | null>>;
  readonly loading: ReturnType<typeof signal<boolean>>;
  readonly error: ReturnType<typeof signal<string | null>>;
  /** (Re)loads; never rejects (the error lands in `error`). */
  reload(): Promise<void>;
}

/**
 * Wraps a loader in value/loading/error signals. Starts the first load at once unless
 * `immediate` is false (a loader that reads component inputs must wait for ngOnInit).
 */
export function asyncResource<T>(load: () => Promise<T>, options: { immediate?: boolean } = {}): AsyncResource<T> {
  const value = signal<T | null>(null);
  const loading = signal(false);
  const error = signal<string | null>(null);
  const reload = async () => {
    loading.set(true);
    error.set(null);
    try {
      value.set(await load());
    } catch (err) {
      error.set(messageOf(err));
    } finally {
      loading.set(false);
    }
  };
  if (options.immediate !== false) void reload();
  return { value, loading, error, reload };
}
