/**
 * Polls `probe` until it answers something other than `undefined` or `false`, and returns that
 * answer; throws naming `what` after `ms` (wall time). The split-role specs wait on other
 * processes (a worker's pass, a Redis write, a relayed event) this way.
 */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
