/** A stored note: a trade post-mortem, a market pattern, a rule explanation. */
export interface KnowledgeDocument {
  readonly id: string;
  readonly text: string;
  readonly tags: readonly string[];
  readonly metadata?: Readonly<Record<string, string | number | boolean>>;
  readonly createdAtMs: number;
}

/** A search hit with its similarity score (higher is closer). */
export interface KnowledgeHit {
  readonly document: KnowledgeDocument;
  readonly score: number;
}

/**
 * Long-term memory for the LLM validation (retrieval). Required: `upsert`, `search`,
 * `remove`. Guarantees: `upsert` with an existing id replaces that document (idempotent);
 * `search` returns at most `limit` hits, best first, only documents carrying every tag
 * in `tags` when given; `remove` of an unknown id is not an error. Rejects with a
 * `BrokerError` (TEMPORARY) when the store is unreachable.
 */
export interface KnowledgeStorePort {
  upsert(document: KnowledgeDocument): Promise<void>;
  search(query: { readonly text: string; readonly limit: number; readonly tags?: readonly string[] }): Promise<readonly KnowledgeHit[]>;
  remove(id: string): Promise<void>;
}
