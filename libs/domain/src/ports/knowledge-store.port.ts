/** What a stored passage is: a trading rule, a settled decision, a closed trade, a journal entry, the trader's own note. */
export type KnowledgeSourceKind = 'RULE' | 'DECISION' | 'TRADE' | 'JOURNAL' | 'NOTE' | 'OTHER';

/** Where a passage came from, shown next to it on the approval card. */
export interface KnowledgeSource {
  readonly kind: KnowledgeSourceKind;
  /** A stable reference: 'DECISIONS.md §1', 'position 42', 'note 7'. */
  readonly ref: string;
  readonly title?: string;
}

/** A stored passage: a trade post-mortem, a market pattern, a rule explanation, a note. */
export interface KnowledgeDocument {
  readonly id: string;
  readonly text: string;
  readonly source: KnowledgeSource;
  readonly tags: readonly string[];
  readonly metadata?: Readonly<Record<string, string | number | boolean>>;
  /** When it was written, UTC epoch ms. */
  readonly createdAtMs: number;
}

/** A search hit: the document and its relevance (higher is closer; comparable only within one search). */
export interface KnowledgeHit {
  readonly document: KnowledgeDocument;
  readonly score: number;
}

/** A retrieved passage as it goes into a prompt and onto an approval card: text with its source. */
export interface KnowledgePassage {
  readonly id: string;
  readonly text: string;
  readonly source: KnowledgeSource;
  readonly score: number;
}

/** One top-k search. */
export interface KnowledgeQuery {
  readonly text: string;
  /** At most this many hits (1..50). */
  readonly limit: number;
  /** Only documents carrying every one of these tags. */
  readonly tags?: readonly string[];
  /** Only documents of these source kinds. */
  readonly sourceKinds?: readonly KnowledgeSourceKind[];
}

/** A selection of stored documents by the same filters as a search (every tag, any of the kinds); empty selects all. */
export type KnowledgeFilter = Pick<KnowledgeQuery, 'tags' | 'sourceKinds'>;

/**
 * Long-term memory for the LLM validation (retrieval). Adapters: SQLite FTS5 with BM25 (the
 * embedded default) and Chroma (vectors). Required: `upsert`, `search`, `remove`, `get`.
 * Guarantees: `upsert` with an existing id replaces that document (idempotent); `search`
 * returns at most `limit` hits, best first, only documents matching every filter, and an
 * empty list (never an error) when nothing matches or the query has no searchable words;
 * `remove` of an unknown id is not an error; `get` returns null for an unknown id; `ids` lists
 * the ids of every stored document matching the filter, sorted (what a re-index compares with).
 * Invalid documents or queries reject with a `DomainError` INVALID_ARGUMENT and change
 * nothing; an unreachable store rejects with a `BrokerError` TEMPORARY.
 */
export interface KnowledgeStore {
  /** 'FTS5', 'CHROMA' …: shown wherever retrieved passages are shown. */
  readonly kind: string;
  upsert(document: KnowledgeDocument): Promise<void>;
  search(query: KnowledgeQuery): Promise<readonly KnowledgeHit[]>;
  remove(id: string): Promise<void>;
  get(id: string): Promise<KnowledgeDocument | null>;
  ids(filter: KnowledgeFilter): Promise<readonly string[]>;
}

/** The passage form of a hit. */
export function passageOf(hit: KnowledgeHit): KnowledgePassage {
  return { id: hit.document.id, text: hit.document.text, source: hit.document.source, score: hit.score };
}
