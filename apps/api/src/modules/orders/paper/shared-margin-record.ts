import type { BrokerMargin } from '@mcube/domain';

/** How old a stored LIVE margin may be (wall ms, from its broker fetch) before it is answered as unknown. */
export const LIVE_MARGIN_MAX_AGE_MS = 2 * 60_000;

/**
 * A LIVE account's margin as a worker stores it: the broker's figures and when they were
 * fetched, on the wall clock (epoch ms; not the market clock, which paper figures are stamped with).
 */
export interface StoredLiveMargin {
  readonly source: 'LIVE';
  readonly availablePaise: number;
  readonly usedPaise: number;
  /** Wall-clock time (epoch ms) of the broker call that answered these figures. */
  readonly asOfWallMs: number;
}

/** The hash value of a LIVE account's margin fetched at `asOfWallMs`. */
export function liveMarginRecord(margin: BrokerMargin, asOfWallMs: number): string {
  const record: StoredLiveMargin = { source: 'LIVE', availablePaise: margin.availablePaise, usedPaise: margin.usedPaise, asOfWallMs };
  return JSON.stringify(record);
}

/** Whether a stored value is a LIVE account's (a paper value is the paper book's `BrokerMargin` as it was always stored). */
export function isLiveMarginRecord(raw: string | null): boolean {
  return parsed(raw)?.source === 'LIVE';
}

/**
 * What an `api` process answers for a stored value: a paper margin as stored; a LIVE margin
 * with its fetch time as `asOfMs` while it is at most `LIVE_MARGIN_MAX_AGE_MS` old, else null
 * (unknown: a figure nobody refreshed is never shown as current); null for nothing or garbage.
 */
export function marginOfStored(raw: string | null, nowWallMs: number): BrokerMargin | null {
  const value = parsed(raw);
  if (!value) return null;
  if (value.source !== 'LIVE') return value as unknown as BrokerMargin;
  const live = value as StoredLiveMargin;
  if (nowWallMs - live.asOfWallMs > LIVE_MARGIN_MAX_AGE_MS) return null;
  return { availablePaise: live.availablePaise, usedPaise: live.usedPaise, asOfMs: live.asOfWallMs };
}

function parsed(raw: string | null): (Partial<StoredLiveMargin> & Record<string, unknown>) | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    return typeof value === 'object' && value !== null ? (value as Partial<StoredLiveMargin> & Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
