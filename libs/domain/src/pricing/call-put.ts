import { DomainError } from '../errors/domain-error';

/** Option right as NSE writes it: 'CE' (call, European) or 'PE' (put, European). */
export type CallPut = 'CE' | 'PE';

/** Throws INVALID_ARGUMENT unless `value` is 'CE' or 'PE'. */
export function assertCallPut(name: string, value: unknown): asserts value is CallPut {
  if (value !== 'CE' && value !== 'PE') {
    throw new DomainError('INVALID_ARGUMENT', `${name} must be 'CE' or 'PE', got ${String(value)}`, { [name]: value });
  }
}
