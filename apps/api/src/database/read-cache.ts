import type { DataSource, EntitySubscriberInterface } from 'typeorm';

/**
 * A counter of the writes TypeORM made through one DataSource: every insert, update, remove
 * (repositories and query builders) and every committed transaction bumps it. A cached read
 * taken at version v is stale as soon as the version moves on. Raw `dataSource.query` writes
 * are not seen: the API makes none outside migrations.
 */
export class WriteVersion implements EntitySubscriberInterface {
  value = 0;

  afterInsert(): void {
    this.value += 1;
  }
  afterUpdate(): void {
    this.value += 1;
  }
  afterRemove(): void {
    this.value += 1;
  }
  afterSoftRemove(): void {
    this.value += 1;
  }
  afterTransactionCommit(): void {
    this.value += 1;
  }
}

const versions = new WeakMap<DataSource, WriteVersion>();

/** The write counter of `dataSource` (registered as its subscriber on first use). */
export function writeVersionOf(dataSource: DataSource): WriteVersion {
  let version = versions.get(dataSource);
  if (!version) {
    version = new WriteVersion();
    dataSource.subscribers.push(version);
    versions.set(dataSource, version);
  }
  return version;
}

/** Keys kept at most (a key per market minute, say, must not grow without end). */
const MAX_KEYS = 32;

interface Entry<T> {
  version: number;
  takenAtMs: number;
  value: Promise<T>;
}

/**
 * Read-through cache of database reads that rarely change (issue 21: the dashboard's reads cost
 * 10+ queries each while the data changes about once a second): a value is served while no
 * write went through the DataSource since it was read and it is younger than `maxAgeMs` (the
 * bound for what another process wrote, or what the clock alone changes). Concurrent callers
 * share one computation; a failed read is not kept.
 */
export class ReadCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly version: WriteVersion;

  constructor(
    dataSource: DataSource,
    private readonly maxAgeMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.version = writeVersionOf(dataSource);
  }

  get(key: string, read: () => Promise<T>): Promise<T> {
    const now = this.nowMs();
    const hit = this.entries.get(key);
    if (hit && hit.version === this.version.value && now - hit.takenAtMs < this.maxAgeMs) return hit.value;
    return this.put(key, read(), now);
  }

  /** Stores a value just read (a job that computed it anyway), taken at the current write version. */
  set(key: string, value: T): void {
    this.put(key, Promise.resolve(value), this.nowMs());
  }

  private put(key: string, value: Promise<T>, now: number): Promise<T> {
    const entry: Entry<T> = { version: this.version.value, takenAtMs: now, value };
    if (this.entries.size >= MAX_KEYS && !this.entries.has(key)) this.entries.clear();
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }
}
