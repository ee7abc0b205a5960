import { BACKOFF_MAX_MS, BACKOFF_START_MS, nextBackoffMs } from './backoff';

describe('nextBackoffMs', () => {
  it('doubles from the first delay', () => {
    expect([0, 1, 2, 3].map(nextBackoffMs)).toEqual([BACKOFF_START_MS, 2 * BACKOFF_START_MS, 4 * BACKOFF_START_MS, 8 * BACKOFF_START_MS]);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(nextBackoffMs(10)).toBe(BACKOFF_MAX_MS);
    expect(nextBackoffMs(Number.MAX_SAFE_INTEGER)).toBe(BACKOFF_MAX_MS);
  });

  it('treats a nonsense attempt number as the first attempt', () => {
    expect(nextBackoffMs(Number.NaN)).toBe(BACKOFF_START_MS);
    expect(nextBackoffMs(-1)).toBe(BACKOFF_START_MS);
  });
});
