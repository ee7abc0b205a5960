/** Runs tasks one after another (per key): two jobs never drive the same strategy at once. */
export class SerialLocks {
  private readonly tails = new Map<string | number, Promise<unknown>>();

  /** Runs `task` after every task queued before on `key`; resolves/rejects with it. */
  run<T>(key: string | number, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
