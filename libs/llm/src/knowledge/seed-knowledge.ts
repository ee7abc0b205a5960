import type { KnowledgeDocument, KnowledgeFilter, KnowledgeStore } from '@mcube/domain';
import { inputsHash } from '../hash/inputs-hash';

/** The metadata key a seeded document carries its content hash under. */
export const CONTENT_HASH_KEY = 'contentHash';

/** SHA-256 (hex, first 32) of what a reader sees of a document: text, source and tags (not its time). */
export function contentHashOf(doc: Pick<KnowledgeDocument, 'text' | 'source' | 'tags'>): string {
  return inputsHash({ text: doc.text, source: doc.source, tags: doc.tags }).slice(0, 32);
}

/** What one seeding did: ids written (new or changed), ids left as they were, stale ids removed. */
export interface SeedOutcome {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  readonly removed: readonly string[];
}

/** Seeding options. */
export interface SeedOptions {
  /**
   * The documents `documents` is the whole of (e.g. every RULE and DECISION section): after
   * writing, any stored document this filter selects whose id is not among `documents` is
   * removed, so a section that disappeared from its source text leaves the store. Absent:
   * nothing is removed.
   */
  readonly prune?: KnowledgeFilter;
}

/**
 * Writes `documents` into `store` idempotently, keyed by content hash: a document whose id is
 * stored with the same hash is left alone (no re-embedding on Chroma, no new creation time);
 * a new or changed one is upserted with the hash in its metadata. Running it at every boot
 * therefore writes only what changed. With `prune`, stored documents of that selection that
 * are no longer in `documents` are removed (after every write, so a failure never leaves the
 * store with fewer sections than before). Rejects like the store (DomainError for a bad document,
 * BrokerError TEMPORARY when the store is unreachable); documents written before a failure stay.
 */
export async function seedKnowledge(store: KnowledgeStore, documents: readonly KnowledgeDocument[], options: SeedOptions = {}): Promise<SeedOutcome> {
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const doc of documents) {
    const hash = contentHashOf(doc);
    const stored = await store.get(doc.id);
    if (stored?.metadata?.[CONTENT_HASH_KEY] === hash) {
      unchanged.push(doc.id);
      continue;
    }
    await store.upsert({ ...doc, metadata: { ...(doc.metadata ?? {}), [CONTENT_HASH_KEY]: hash } });
    written.push(doc.id);
  }
  const removed: string[] = [];
  if (options.prune) {
    const current = new Set(documents.map((d) => d.id));
    for (const id of await store.ids(options.prune)) {
      if (current.has(id)) continue;
      await store.remove(id);
      removed.push(id);
    }
  }
  return { written, unchanged, removed };
}
