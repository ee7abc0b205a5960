import { createHash, randomBytes } from 'node:crypto';

/**
 * The id of one intent, and the clientOrderId (broker tag) root of its slices: `k` + 19
 * hex chars of sha256(account, key) when the caller gives an idempotency key, so a job
 * delivered twice maps to the same id; `r` + 19 random hex chars otherwise. Short, [a-z0-9]
 * only, because broker tag fields are short and picky.
 */
export function intentIdFor(accountId: number, idempotencyKey?: string): string {
  if (idempotencyKey !== undefined && idempotencyKey !== '') {
    return 'k' + createHash('sha256').update(`${accountId}\u0000${idempotencyKey}`).digest('hex').slice(0, 19);
  }
  return 'r' + randomBytes(10).toString('hex').slice(0, 19);
}

/** The clientOrderId of slice `index` (0-based) of `count`: the intent id itself when not sliced, else `<id>s<n>`. */
export function sliceClientOrderId(intentId: string, index: number, count: number): string {
  return count === 1 ? intentId : `${intentId}s${index + 1}`;
}

/** The intent id a clientOrderId belongs to: a slice's `<id>s<n>` → `<id>`; an unsliced order's is its own. */
export function intentIdOfClientOrderId(clientOrderId: string): string {
  // Intent ids are `k`/`r` + hex (no `s`), so a trailing `s<n>` can only be a slice suffix.
  return clientOrderId.replace(/s\d+$/, '');
}
