import { DomainError, type KnowledgeDocument, type KnowledgeQuery, type KnowledgeSourceKind } from '@mcube/domain';

/** Source kinds a document may have. */
export const KNOWLEDGE_SOURCE_KINDS: readonly KnowledgeSourceKind[] = Object.freeze(['RULE', 'DECISION', 'TRADE', 'JOURNAL', 'NOTE', 'OTHER'] as const);

/** Size limits of stored documents and queries. */
export const KNOWLEDGE_LIMITS = Object.freeze({ maxIdLength: 200, maxTextLength: 20_000, maxTags: 20, maxTagLength: 50, maxMetadataKeys: 30, maxQueryLength: 2_000, maxLimit: 50 });

const ID_RE = /^[A-Za-z0-9._:@/-]+$/;
const TAG_RE = /^[a-z0-9][a-z0-9._:-]*$/;
const KEY_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

const bad = (message: string, context: Record<string, unknown> = {}) => new DomainError('INVALID_ARGUMENT', message, context);

function assertTags(tags: unknown, what: string): void {
  if (!Array.isArray(tags)) throw bad(`${what} must be a list`);
  if (tags.length > KNOWLEDGE_LIMITS.maxTags) throw bad(`${what}: at most ${KNOWLEDGE_LIMITS.maxTags}, got ${tags.length}`);
  for (const t of tags) if (typeof t !== 'string' || t.length > KNOWLEDGE_LIMITS.maxTagLength || !TAG_RE.test(t)) throw bad(`${what}: ${JSON.stringify(t)} must be lower-case letters, digits and . _ : - (≤ ${KNOWLEDGE_LIMITS.maxTagLength})`);
}

function assertSourceKinds(kinds: unknown): void {
  if (!Array.isArray(kinds) || kinds.some((k) => !KNOWLEDGE_SOURCE_KINDS.includes(k))) throw bad(`sourceKinds must be a list of ${KNOWLEDGE_SOURCE_KINDS.join(', ')}`);
}

/**
 * Checks a document before any store touches it (the same rules for every adapter).
 * @throws DomainError INVALID_ARGUMENT naming the bad field.
 */
export function assertKnowledgeDocument(doc: KnowledgeDocument): void {
  if (!doc || typeof doc !== 'object') throw bad('document must be an object');
  if (typeof doc.id !== 'string' || doc.id.length === 0 || doc.id.length > KNOWLEDGE_LIMITS.maxIdLength || !ID_RE.test(doc.id)) throw bad(`id ${JSON.stringify(doc.id)} must be 1–${KNOWLEDGE_LIMITS.maxIdLength} characters of letters, digits and . _ : @ / -`);
  if (typeof doc.text !== 'string' || doc.text.trim().length === 0 || doc.text.length > KNOWLEDGE_LIMITS.maxTextLength) throw bad(`text of ${doc.id} must be 1–${KNOWLEDGE_LIMITS.maxTextLength} characters`);
  const s = doc.source;
  if (!s || typeof s !== 'object' || !KNOWLEDGE_SOURCE_KINDS.includes(s.kind)) throw bad(`source.kind of ${doc.id} must be one of ${KNOWLEDGE_SOURCE_KINDS.join(', ')}`);
  if (typeof s.ref !== 'string' || s.ref.trim().length === 0 || s.ref.length > 200) throw bad(`source.ref of ${doc.id} must be 1–200 characters`);
  if (s.title !== undefined && (typeof s.title !== 'string' || s.title.length > 200)) throw bad(`source.title of ${doc.id} must be a text of at most 200 characters`);
  assertTags(doc.tags, `tags of ${doc.id}`);
  if (doc.metadata !== undefined) {
    if (!doc.metadata || typeof doc.metadata !== 'object' || Array.isArray(doc.metadata)) throw bad(`metadata of ${doc.id} must be an object`);
    const entries = Object.entries(doc.metadata);
    if (entries.length > KNOWLEDGE_LIMITS.maxMetadataKeys) throw bad(`metadata of ${doc.id}: at most ${KNOWLEDGE_LIMITS.maxMetadataKeys} keys`);
    for (const [k, v] of entries) {
      if (!KEY_RE.test(k) || k.startsWith('mcube')) throw bad(`metadata key ${JSON.stringify(k)} of ${doc.id} must be a letter then letters, digits or _, not starting with "mcube"`);
      const ok = typeof v === 'string' ? v.length <= 1000 : typeof v === 'number' ? Number.isFinite(v) : typeof v === 'boolean';
      if (!ok) throw bad(`metadata ${k} of ${doc.id} must be a text (≤ 1000), a finite number or a boolean`);
    }
  }
  if (!Number.isSafeInteger(doc.createdAtMs) || doc.createdAtMs < 0) throw bad(`createdAtMs of ${doc.id} must be a whole number of ms ≥ 0`);
}

/**
 * Checks a query. @throws DomainError INVALID_ARGUMENT naming the bad field.
 */
export function assertKnowledgeQuery(q: KnowledgeQuery): void {
  if (!q || typeof q !== 'object') throw bad('query must be an object');
  if (typeof q.text !== 'string' || q.text.length > KNOWLEDGE_LIMITS.maxQueryLength) throw bad(`query text must be a text of at most ${KNOWLEDGE_LIMITS.maxQueryLength} characters`);
  if (!Number.isSafeInteger(q.limit) || q.limit < 1 || q.limit > KNOWLEDGE_LIMITS.maxLimit) throw bad(`limit must be a whole number in 1..${KNOWLEDGE_LIMITS.maxLimit}, got ${JSON.stringify(q.limit)}`);
  if (q.tags !== undefined) assertTags(q.tags, 'query tags');
  if (q.sourceKinds !== undefined) assertSourceKinds(q.sourceKinds);
}

/** The searchable words of a text: lower-case runs of letters and digits, each once, in order (at most 64). */
export function searchWords(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 64);
}
