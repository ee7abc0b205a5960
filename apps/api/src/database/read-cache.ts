import type { DataSource, EntityMetadata, EntitySubscriberInterface, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';

/** What TypeORM tells a subscriber of one write. */
interface WriteEvent {
  readonly metadata?: EntityMetadata;
  readonly queryRunner: QueryRunner;
}

/**
 * A counter of the writes TypeORM made through one DataSource: every insert, update, remove
 * (repositories and query builders) and every committed transaction bumps it. A cached read
 * taken at version v is stale as soon as the version moves on. Raw `dataSource.query` writes
 * are not seen: the API makes none outside migrations. Scoped to some entities (`targets`),
 * only their writes count, and a transaction's commit only when it wrote one of them (the
 * commit is counted too: on PostgreSQL a read between the write and the commit still sees the
 * old row).
 */
export class WriteVersion implements EntitySubscriberInterface {
  value = 0;
  /** Open transactions that wrote a counted entity (scoped counters only). */
  private readonly dirty = new WeakSet<QueryRunner>();

  constructor(private readonly targets?: ReadonlySet<EntityTarget<ObjectLiteral>>) {}

  afterInsert(event: WriteEvent): void {
    this.wrote(event);
  }
  afterUpdate(event: WriteEvent): void {
    this.wrote(event);
  }
  afterRemove(event: WriteEvent): void {
    this.wrote(event);
  }
  afterSoftRemove(event: WriteEvent): void {
    this.wrote(event);
  }
  afterTransactionCommit(event: { queryRunner: QueryRunner }): void {
    if (!this.targets) {
      this.value += 1;
    } else if (this.dirty.has(event.queryRunner)) {
      this.dirty.delete(event.queryRunner);
      this.value += 1;
    }
  }
  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    this.dirty.delete(event.queryRunner);
  }

  private wrote(event: WriteEvent): void {
    // A write whose entity TypeORM does not name counts (it could be one of ours).
    if (this.targets && event.metadata && !this.targets.has(event.metadata.target)) return;
    this.value += 1;
    if (this.targets && event.queryRunner?.isTransactionActive) this.dirty.add(event.queryRunner);
  }
}

const versions = new WeakMap<DataSource, Map<string, WriteVersion>>();

/**
 * The write counter of `dataSource` (registered as its subscriber on first use): of every
 * write, or, given `entities` (classes), of writes to those entities only.
 */
export function writeVersionOf(dataSource: DataSource, entities?: readonly (abstract new (...args: never[]) => unknown)[]): WriteVersion {
  let byScope = versions.get(dataSource);
  if (!byScope) {
    byScope = new Map();
    versions.set(dataSource, byScope);
  }
  const scope = entities ? entities.map((e) => e.name).sort().join(',') : '*';
  let version = byScope.get(scope);
  if (!version) {
    version = new WriteVersion(entities ? new Set<EntityTarget<ObjectLiteral>>(entities as unknown as EntityTarget<ObjectLiteral>[]) : undefined);
    dataSource.subscribers.push(version);
    byScope.set(scope, version);
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
