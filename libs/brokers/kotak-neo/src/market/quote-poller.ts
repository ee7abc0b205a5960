import { createTokenBucket, takeToken, type Clock, type TokenBucketState } from '@mcube/domain';
import type { NeoApiContext } from '../api/neo-api-context';
import { neoQuotes, type NeoQuoteRef } from '../api/neo-market.api';
import type { NeoQuote } from '../parse/neo.types';

/** How live mode polls the quotes endpoint. */
export interface QuotePollerOptions {
  /** A quote younger than this is served from memory (default 1,000 ms). */
  readonly ttlMs?: number;
  /** At most this many quote calls per second, bursts included (default 3). */
  readonly maxCallsPerSecond?: number;
  /** Instruments per call (default 50; the URL carries them all). */
  readonly batchSize?: number;
}

/**
 * Quotes by polling, within limits: answers younger than `ttlMs` come from memory, the
 * rest are fetched in batches, each call taking a token from a bucket of
 * `maxCallsPerSecond` (waiting when empty). Kotak documents no quote limit; the SDK's own
 * limiter allows 10/s, so 3/s leaves room for the order calls of the same app.
 */
export class QuotePoller {
  private readonly cache = new Map<string, { quote: NeoQuote; atMs: number }>();
  private bucket: TokenBucketState;
  private readonly ttlMs: number;
  private readonly batchSize: number;

  constructor(
    private readonly deps: { readonly api: NeoApiContext; readonly host: () => string; readonly wallClock: Clock; readonly sleep: (ms: number) => Promise<void> },
    options: QuotePollerOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 1_000;
    this.batchSize = options.batchSize ?? 50;
    this.bucket = createTokenBucket({ capacity: options.maxCallsPerSecond ?? 3, periodMs: 1_000 });
  }

  /** Quotes of `refs` keyed by `keyOf` (Kotak echoes the token, or the index name). */
  async quotes(refs: readonly NeoQuoteRef[]): Promise<ReadonlyMap<string, NeoQuote>> {
    const now = this.deps.wallClock.nowMs();
    const out = new Map<string, NeoQuote>();
    const missing: NeoQuoteRef[] = [];
    for (const ref of refs) {
      const hit = this.cache.get(keyOf(ref));
      if (hit && now - hit.atMs < this.ttlMs) out.set(keyOf(ref), hit.quote);
      else if (!missing.some((m) => keyOf(m) === keyOf(ref))) missing.push(ref);
    }
    for (let i = 0; i < missing.length; i += this.batchSize) {
      await this.takeToken();
      const fetched = await neoQuotes(this.deps.api, this.deps.host(), missing.slice(i, i + this.batchSize));
      const at = this.deps.wallClock.nowMs();
      for (const q of fetched) {
        const key = keyOf({ exchangeSegment: q.exchangeSegment, token: q.token });
        this.cache.set(key, { quote: q, atMs: at });
        out.set(key, q);
      }
    }
    return out;
  }

  private async takeToken(): Promise<void> {
    for (;;) {
      const result = takeToken(this.bucket, Math.max(this.deps.wallClock.nowMs(), this.bucket.takenAtMs[this.bucket.takenAtMs.length - 1] ?? 0));
      this.bucket = result.state;
      if (result.allowed) return;
      await this.deps.sleep(result.waitMs);
    }
  }
}

/** The key of a quote reference (case-insensitive: Kotak's echo of an index name may differ in case). */
export function keyOf(ref: NeoQuoteRef): string {
  return `${ref.exchangeSegment}|${ref.token}`.toLowerCase();
}
