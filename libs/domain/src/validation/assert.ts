import { DomainError } from '../errors/domain-error';

/** Throws INVALID_ARGUMENT unless `value` is a finite number. */
export function assertFinite(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError('INVALID_ARGUMENT', `${name} must be a finite number, got ${String(value)}`, { [name]: value });
  }
}

/** Throws INVALID_ARGUMENT unless `value` is a finite number > 0. */
export function assertPositive(name: string, value: unknown): asserts value is number {
  assertFinite(name, value);
  if (value <= 0) {
    throw new DomainError('INVALID_ARGUMENT', `${name} must be greater than 0, got ${value}`, { [name]: value });
  }
}

/** Throws INVALID_ARGUMENT unless `value` is a finite number >= 0. */
export function assertNonNegative(name: string, value: unknown): asserts value is number {
  assertFinite(name, value);
  if (value < 0) {
    throw new DomainError('INVALID_ARGUMENT', `${name} must not be negative, got ${value}`, { [name]: value });
  }
}

/** Throws INVALID_ARGUMENT unless `value` is a safe integer (optionally >= 0). */
export function assertInteger(name: string, value: unknown, opts: { min?: number } = {}): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new DomainError('INVALID_ARGUMENT', `${name} must be a whole number, got ${String(value)}`, { [name]: value });
  }
  if (opts.min !== undefined && value < opts.min) {
    throw new DomainError('INVALID_ARGUMENT', `${name} must be at least ${opts.min}, got ${value}`, { [name]: value });
  }
}
