import { assertHighLowClose, HighLowClose } from './price-bar';

/** Classic floor-trader pivots for the next session. */
export interface PivotLevels {
  pivot: number;
  r1: number;
  r2: number;
  r3: number;
  s1: number;
  s2: number;
  s3: number;
}

/**
 * Classic floor pivots from the previous session's high, low and close:
 * P = (H + L + C)/3, R1 = 2P − L, S1 = 2P − H, R2 = P + (H − L), S2 = P − (H − L),
 * R3 = H + 2(P − L), S3 = L − 2(H − P). Always S3 ≤ S2 ≤ S1 ≤ P ≤ R1 ≤ R2 ≤ R3 when L ≤ C ≤ H.
 *
 * @throws DomainError INVALID_ARGUMENT if a field is not finite or low > high.
 */
export function pivotLevels(bar: HighLowClose): PivotLevels {
  assertHighLowClose('bar', bar);
  const { high, low, close } = bar;
  const pivot = (high + low + close) / 3;
  const range = high - low;
  return {
    pivot,
    r1: 2 * pivot - low,
    r2: pivot + range,
    r3: high + 2 * (pivot - low),
    s1: 2 * pivot - high,
    s2: pivot - range,
    s3: low - 2 * (high - pivot),
  };
}
