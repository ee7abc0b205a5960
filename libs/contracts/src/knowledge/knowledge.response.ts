/** What a stored passage is: a trading rule, a settled decision, a closed trade, a journal entry, the trader's own note. */
export const KNOWLEDGE_SOURCE_KINDS = ['RULE', 'DECISION', 'TRADE', 'JOURNAL', 'NOTE', 'OTHER'] as const;
export type KnowledgeSourceKindCode = (typeof KNOWLEDGE_SOURCE_KINDS)[number];

/** One hit of GET /api/knowledge/search: the stored passage with its source, and its relevance (comparable only within one search). */
export interface KnowledgeHitResponse {
  document: {
    id: string;
    text: string;
    source: { kind: KnowledgeSourceKindCode; ref: string; title?: string };
    tags: readonly string[];
    metadata?: Readonly<Record<string, string | number | boolean>>;
    /** When it was written, UTC epoch ms. */
    createdAtMs: number;
  };
  score: number;
}

/** GET /api/knowledge/search: which store answered, and the hits best first. */
export interface KnowledgeSearchResponse {
  store: string;
  hits: KnowledgeHitResponse[];
}

/** POST /api/knowledge/notes: the stored note's id and the store that holds it. */
export interface KnowledgeNoteResponse {
  id: string;
  store: string;
}
