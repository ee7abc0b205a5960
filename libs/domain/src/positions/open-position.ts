import { assertInteger } from '../validation/assert';
import type { IsoDate } from '../time/ist-date';
import type { PositionState } from './position.types';

/** What an ENTRY intent that passed the risk checks declares for the position it opens. */
export interface OpenPositionInput {
  readonly positionId: string;
  readonly accountId: string;
  readonly underlying: string;
  readonly expiry: IsoDate;
  /** Units per leg the entry asks for. */
  readonly quantity: number;
  /** The intent's estimated margin and exposure (paise; 0 when it gave none). */
  readonly marginUsedPaise?: number;
  readonly entryValuePaise?: number;
  readonly openedAtMs: number;
}

/**
 * The ACTIVE position an entry reserves before its first order leaves, with no legs yet
 * (legs come only from fills): the API's `reservePosition`. The one-position rule counts it
 * from this moment, so the second leg of a strangle passes and a second entry does not.
 * @throws DomainError INVALID_ARGUMENT for a negative or fractional quantity or amount.
 */
export function openPosition(input: OpenPositionInput): PositionState {
  assertInteger('quantity', input.quantity, { min: 0 });
  const marginUsedPaise = input.marginUsedPaise ?? 0;
  const entryValuePaise = input.entryValuePaise ?? 0;
  assertInteger('marginUsedPaise', marginUsedPaise, { min: 0 });
  assertInteger('entryValuePaise', entryValuePaise, { min: 0 });
  return {
    positionId: input.positionId,
    accountId: input.accountId,
    underlying: input.underlying,
    expiry: input.expiry,
    status: 'ACTIVE',
    quantity: input.quantity,
    legs: [],
    premiumCollectedPaise: 0,
    marginUsedPaise,
    entryValuePaise,
    realizedPnlPaise: 0,
    chargesPaise: 0,
    unrealizedPnlPaise: 0,
    openedAtMs: input.openedAtMs,
    closedAtMs: null,
    exitReason: null,
  };
}
