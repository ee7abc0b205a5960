import type { BrokerMargin } from '@mcube/domain';

/**
 * How old a stored margin may be (wall ms) before it is answered as unknown: a paper figure
 * from its write (a worker writes every second), a LIVE one from its broker fetch when the
 * record names no `freshForMs` of its own.
 */
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
  /** How long the writer vouches for it (a few of its refresh periods: longer outside the session, when it asks less often). */
  readonly freshForMs?: number;
}

/** A paper account's margin as a worker stores it: the paper book's figure and when it was written (wall ms). */
export interface StoredPaperMargin extends BrokerMargin {
  readonly storedAtWallMs: number;
}

/** The hash value of a LIVE account's margin fetched at `asOfWallMs`, fresh for `freshForMs`. */
export function liveMarginRecord(margin: BrokerMargin, asOfWallMs: number, freshForMs = LIVE_MARGIN_MAX_AGE_MS): string {
  const record: StoredLiveMargin = { source: 'LIVE', availablePaise: margin.availablePaise, usedPaise: margin.usedPaise, asOfWallMs, freshForMs };
  return JSON.stringify(record);
}

/** The hash value of a paper account's margin written at `storedAtWallMs`. */
export function paperMarginRecord(margin: BrokerMargin, storedAtWallMs: number): string {
  const record: StoredPaperMargin = { availablePaise: margin.availablePaise, usedPaise: margin.usedPaise, asOfMs: margin.asOfMs, storedAtWallMs };
  return JSON.stringify(record);
}

/** Whether a stored value is a LIVE account's (a paper value is the paper book's `BrokerMargin` as it was always stored). */
export function isLiveMarginRecord(raw: string | null): boolean {
  return parsed(raw)?.source === 'LIVE';
}

/**
 * What an `api` process answers for a stored value: a paper margin as the paper book gave it
 * while its write is at most `LIVE_MARGIN_MAX_AGE_MS` old (a stopped worker's last figure is not
 * current); a LIVE margin with its fetch time as `asOfMs` while it is at most its `freshForMs`
 * old. Otherwise null (unknown: a figure nobody refreshed is never shown as current), as for
 * nothing or garbage.
 */
export function marginOfStored(raw: string | null, nowWallMs: number): BrokerMargin | null {
  const value = parsed(raw);
  if (!value) return null;
  if (value.source !== 'LIVE') {
    const paper = value as unknown as Partial<StoredPaperMargin>;
    if (typeof paper.storedAtWallMs !== 'number' || nowWallMs - paper.storedAtWallMs > LIVE_MARGIN_MAX_AGE_MS) return null;
    return { availablePaise: Number(paper.availablePaise), usedPaise: Number(paper.usedPaise), asOfMs: Number(paper.asOfMs) };
  }
  const live = value as StoredLiveMargin;
  if (nowWallMs - live.asOfWallMs > (live.freshForMs ?? LIVE_MARGIN_MAX_AGE_MS)) return null;
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
