/**
 * Resolves after the event loop has run once (timers, I/O, requests waiting). better-sqlite3 is
 * synchronous, so a job's chain of awaited queries otherwise runs as ONE task and holds every
 * request behind it until it ends: background jobs call this between their parts (issue 21).
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
