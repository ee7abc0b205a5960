import Database from 'better-sqlite3';
import { DomainError, type KnowledgeDocument, type KnowledgeFilter, type KnowledgeHit, type KnowledgeQuery, type KnowledgeStore } from '@mcube/domain';
import { assertKnowledgeDocument, assertKnowledgeQuery, searchWords } from './knowledge-input';

/** Options of the FTS5 store. */
export interface Fts5KnowledgeStoreOptions {
  /** Prefix of its two tables (default 'knowledge': `knowledge_documents`, `knowledge_fts`). */
  readonly tablePrefix?: string;
  /** Create the tables when missing (default true). An application database that owns them through migrations passes false. */
  readonly createSchema?: boolean;
}

interface DocumentRow {
  id: string;
  text: string;
  source_kind: string;
  source_ref: string;
  source_title: string | null;
  tags: string;
  metadata: string | null;
  created_at_ms: number;
  rank?: number;
}

/**
 * The embedded knowledge store: SQLite full-text search (FTS5, porter stemming) ranked by BM25,
 * no model weights needed. It works on a better-sqlite3 handle (e.g. the application database)
 * or opens a file (':memory:' for tests). Documents live in `<prefix>_documents`; their title and
 * text are indexed in the FTS5 table `<prefix>_fts`. A search matches any of the query's words
 * (titles weigh twice the text); the score is −bm25 (higher is better).
 */
export class Fts5KnowledgeStore implements KnowledgeStore {
  readonly kind = 'FTS5';
  readonly db: Database.Database;
  private readonly docs: string;
  private readonly fts: string;

  constructor(database: Database.Database | string, options: Fts5KnowledgeStoreOptions = {}) {
    const prefix = options.tablePrefix ?? 'knowledge';
    if (!/^[a-z][a-z0-9_]{0,30}$/.test(prefix)) throw new DomainError('INVALID_ARGUMENT', `tablePrefix ${JSON.stringify(prefix)} must be a lower-case identifier`);
    this.db = typeof database === 'string' ? new Database(database) : database;
    this.docs = `${prefix}_documents`;
    this.fts = `${prefix}_fts`;
    if (options.createSchema ?? true) this.createSchema();
  }

  /** The DDL of the two tables (for a migration of the application database). */
  schemaSql(): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${this.docs} (id TEXT PRIMARY KEY, text TEXT NOT NULL, source_kind TEXT NOT NULL, source_ref TEXT NOT NULL, source_title TEXT, tags TEXT NOT NULL, metadata TEXT, created_at_ms INTEGER NOT NULL)`,
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${this.fts} USING fts5(id UNINDEXED, title, text, tokenize = 'porter unicode61')`,
    ];
  }

  private createSchema(): void {
    for (const sql of this.schemaSql()) this.db.exec(sql);
  }

  async upsert(document: KnowledgeDocument): Promise<void> {
    assertKnowledgeDocument(document);
    const d = document;
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM ${this.fts} WHERE id = ?`).run(d.id);
      this.db
        .prepare(`INSERT OR REPLACE INTO ${this.docs} (id, text, source_kind, source_ref, source_title, tags, metadata, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(d.id, d.text, d.source.kind, d.source.ref, d.source.title ?? null, JSON.stringify(d.tags), d.metadata && Object.keys(d.metadata).length > 0 ? JSON.stringify(d.metadata) : null, d.createdAtMs);
      this.db.prepare(`INSERT INTO ${this.fts} (id, title, text) VALUES (?, ?, ?)`).run(d.id, d.source.title ?? '', d.text);
    })();
  }

  async remove(id: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM ${this.fts} WHERE id = ?`).run(id);
      this.db.prepare(`DELETE FROM ${this.docs} WHERE id = ?`).run(id);
    })();
  }

  async get(id: string): Promise<KnowledgeDocument | null> {
    const row = this.db.prepare(`SELECT * FROM ${this.docs} WHERE id = ?`).get(id) as DocumentRow | undefined;
    return row ? documentOf(row) : null;
  }

  async ids(filter: KnowledgeFilter): Promise<readonly string[]> {
    const { where, params } = filterSql(filter);
    const rows = this.db.prepare(`SELECT d.id FROM ${this.docs} d ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.id`).all(...params) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async search(query: KnowledgeQuery): Promise<readonly KnowledgeHit[]> {
    assertKnowledgeQuery(query);
    const words = searchWords(query.text);
    if (words.length === 0) return [];
    // Every word quoted: FTS5 operators in the user's text are never interpreted.
    const match = words.map((w) => `"${w}"`).join(' OR ');
    const filtered = filterSql(query);
    const where: string[] = [`${this.fts} MATCH ?`, ...filtered.where];
    const params: unknown[] = [match, ...filtered.params];
    const sql = `SELECT d.*, bm25(${this.fts}, 0.0, 2.0, 1.0) AS rank FROM ${this.fts} f JOIN ${this.docs} d ON d.id = f.id WHERE ${where.join(' AND ')} ORDER BY rank, d.id LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, query.limit) as DocumentRow[];
    return rows.map((r) => ({ document: documentOf(r), score: -(r.rank ?? 0) }));
  }
}

/** The WHERE terms (on the documents table as `d`) of a filter: every tag, any of the kinds. */
function filterSql(filter: KnowledgeFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const tag of filter.tags ?? []) {
    where.push(`EXISTS (SELECT 1 FROM json_each(d.tags) WHERE json_each.value = ?)`);
    params.push(tag);
  }
  if (filter.sourceKinds && filter.sourceKinds.length > 0) {
    where.push(`d.source_kind IN (${filter.sourceKinds.map(() => '?').join(', ')})`);
    params.push(...filter.sourceKinds);
  }
  return { where, params };
}

function documentOf(r: DocumentRow): KnowledgeDocument {
  return {
    id: r.id,
    text: r.text,
    source: { kind: r.source_kind as KnowledgeDocument['source']['kind'], ref: r.source_ref, ...(r.source_title ? { title: r.source_title } : {}) },
    tags: JSON.parse(r.tags) as string[],
    ...(r.metadata ? { metadata: JSON.parse(r.metadata) as KnowledgeDocument['metadata'] } : {}),
    createdAtMs: r.created_at_ms,
  };
}
