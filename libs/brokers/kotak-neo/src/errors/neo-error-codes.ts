import type { BrokerErrorKind } from '@mcube/domain';
import { STATIC_IP_MESSAGE, type KotakNeoErrorReason } from './kotak-neo.error';

/** What one Kotak code means for us. */
export interface NeoCodeMeaning {
  readonly kind: BrokerErrorKind;
  readonly reason: KotakNeoErrorReason;
  /** Present when the account must halt (message of the CRITICAL alert). */
  readonly haltMessage?: string;
}

/**
 * Kotak's codes we act on (BROKERS.md §1; the SDK's docs; public issue threads). Anything
 * else is classified by HTTP status and the message text in `classifyNeoFailure`.
 * 1009 is "invalid instrument" on quotes and also Kotak's generic field check on orders
 * ("please provide valid quantity"): either way the request was refused, nothing placed.
 */
export const NEO_CODES: Readonly<Record<string, NeoCodeMeaning>> = {
  '100022': { kind: 'AUTH_EXPIRED', reason: 'SESSION_EXPIRED' },
  '100008': { kind: 'AUTH_EXPIRED', reason: 'STATIC_IP_NOT_REGISTERED', haltMessage: STATIC_IP_MESSAGE },
  '1017': {
    kind: 'REJECTED',
    reason: 'ALGO_ORDER_NOT_ALLOWED',
    haltMessage: 'Kotak refuses algo orders from this API session (1017): check the algo/static-IP registration before trading again',
  },
  '1009': { kind: 'REJECTED', reason: 'INVALID_INSTRUMENT' },
  '1021': { kind: 'REJECTED', reason: 'ORDER_COMPLETE' },
  '5203': { kind: 'REJECTED', reason: 'NO_DATA' },
};

/** Text of RMS refusals for want of margin (Kotak sends them as free text). */
const INSUFFICIENT_FUNDS_TEXT = /insufficient|shortfall|margin exceeds|exceeds.*(margin|limit)/i;

/** The meaning of a Kotak failure body that has no code in `NEO_CODES`. */
export function meaningOfUncodedFailure(stCode: number | undefined, message: string): NeoCodeMeaning {
  if (stCode !== undefined && stCode >= 500 && stCode <= 599) return { kind: 'TEMPORARY', reason: 'SERVER_ERROR' };
  if (stCode === 429) return { kind: 'RATE_LIMITED', reason: 'RATE_LIMITED' };
  if (stCode === 401 || stCode === 403) return { kind: 'AUTH_EXPIRED', reason: 'SESSION_EXPIRED' };
  if (INSUFFICIENT_FUNDS_TEXT.test(message)) return { kind: 'INSUFFICIENT_FUNDS', reason: 'INSUFFICIENT_FUNDS' };
  return { kind: 'REJECTED', reason: 'BROKER_REJECTED' };
}
