import type { KnowledgeDocument, KnowledgeStore } from '@mcube/domain';
import { inputsHash } from '../hash/inputs-hash';

/** The metadata key a seeded document carries its content hash under. */
export const CONTENT_HASH_KEY = 'contentHash';

/** SHA-256 (hex, first 32) of what a reader sees of a document: text, source and tags (not its time). */
export function contentHashOf(doc: Pick<KnowledgeDocument, 'text' | 'source' | 'tags'>): string {
  return inputsHash({ text: doc.text, source: doc.source, tags: doc.tags }).slice(0, 32);
}

/** What one seeding did: ids written (new or changed) and ids left as they were. */
export interface SeedOutcome {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
}

/**
 * Writes `documents` into `store` idempotently, keyed by content hash: a document whose id is
 * stored with the same hash is left alone (no re-embedding on Chroma, no new creation time);
 * a new or changed one is upserted with the hash in its metadata. Running it at every boot
 * therefore writes only what changed. Rejects like the store (DomainError for a bad document,
 * BrokerError TEMPORARY when the store is unreachable); documents written before a failure stay.
 */
export async function seedKnowledge(store: KnowledgeStore, documents: readonly KnowledgeDocument[]): Promise<SeedOutcome> {
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
  return { written, unchanged };
}
