import { BrokerError, DomainError, type KnowledgeDocument, type KnowledgeFilter, type KnowledgeHit, type KnowledgeQuery, type KnowledgeStore } from '@mcube/domain';
import { ChromaClient, type Collection, type EmbeddingFunction, type Metadata, type Where } from 'chromadb';
import type { Embedder } from './embedders';
import { assertKnowledgeDocument, assertKnowledgeQuery, searchWords } from './knowledge-input';

/** Options of the Chroma store. */
export interface ChromaKnowledgeStoreOptions {
  /** `CHROMA_URL`, e.g. http://127.0.0.1:8000. */
  readonly url: string;
  readonly collection?: string;
  /** Ollama `embed` when configured (`LlmEmbedder`), else the `HashingEmbedder`. */
  readonly embedder: Embedder;
}

const META = { kind: 'mcube_source_kind', ref: 'mcube_source_ref', title: 'mcube_source_title', tags: 'mcube_tags', created: 'mcube_created_at_ms', tag: 'mcube_tag_' } as const;

function unreachable(e: unknown): never {
  if (e instanceof DomainError || e instanceof BrokerError) throw e;
  const name = (e as { name?: string })?.name ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'ChromaConnectionError' || /fetch failed|ECONNREFUSED|connect/i.test(message)) throw new BrokerError('TEMPORARY', `Chroma is unreachable: ${message}`, { cause: e });
  throw new BrokerError('UNKNOWN', `Chroma failed: ${message}`, { cause: e });
}

/**
 * The knowledge store on a Chroma server (`chromadb` client), cosine distance, vectors from the
 * given embedder (computed here and sent with each record, so the server never needs a model).
 * Source, tags (one boolean key per tag, filterable) and creation time travel as metadata.
 * Hits below the embedder's `minRelevance` are left out; a query with no words gives no hits.
 * An unreachable server rejects with `BrokerError` TEMPORARY.
 */
export class ChromaKnowledgeStore implements KnowledgeStore {
  readonly kind = 'CHROMA';
  private readonly client: ChromaClient;
  private handle: Promise<Collection> | null = null;

  constructor(private readonly options: ChromaKnowledgeStoreOptions) {
    const url = new URL(options.url);
    this.client = new ChromaClient({ host: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)), ssl: url.protocol === 'https:' });
  }

  private collection(): Promise<Collection> {
    if (!this.handle) {
      const embedder = this.options.embedder;
      // Our own embedding function: the client never falls back to its default model package.
      const embeddingFunction: EmbeddingFunction = { name: embedder.name, generate: (texts: string[]) => embedder.embed(texts) } as EmbeddingFunction;
      this.handle = this.client
        .getOrCreateCollection({ name: this.options.collection ?? 'mcube-knowledge', metadata: { mcube_embedder: embedder.name }, configuration: { hnsw: { space: 'cosine' } }, embeddingFunction })
        .catch((e) => {
          this.handle = null;
          return unreachable(e);
        });
    }
    return this.handle;
  }

  async upsert(document: KnowledgeDocument): Promise<void> {
    assertKnowledgeDocument(document);
    const d = document;
    const [vector] = await this.options.embedder.embed([`${d.source.title ?? ''}\n${d.text}`]);
    const metadata: Metadata = { ...(d.metadata ?? {}), [META.kind]: d.source.kind, [META.ref]: d.source.ref, [META.tags]: JSON.stringify(d.tags), [META.created]: d.createdAtMs };
    if (d.source.title) metadata[META.title] = d.source.title;
    for (const t of d.tags) metadata[`${META.tag}${t}`] = true;
    const c = await this.collection();
    await c.upsert({ ids: [d.id], documents: [d.text], embeddings: [vector], metadatas: [metadata] }).catch(unreachable);
  }

  async remove(id: string): Promise<void> {
    const c = await this.collection();
    await c.delete({ ids: [id] }).catch(unreachable);
  }

  async get(id: string): Promise<KnowledgeDocument | null> {
    const c = await this.collection();
    const r = await c.get({ ids: [id], include: ['documents', 'metadatas'] as never }).catch(unreachable);
    if (r.ids.length === 0) return null;
    return documentOf(r.ids[0], r.documents[0] ?? '', (r.metadatas[0] ?? {}) as Metadata);
  }

  async ids(filter: KnowledgeFilter): Promise<readonly string[]> {
    const c = await this.collection();
    const r = await c.get({ where: whereOf(filter), include: [] as never }).catch(unreachable);
    return [...r.ids].sort();
  }

  async search(query: KnowledgeQuery): Promise<readonly KnowledgeHit[]> {
    assertKnowledgeQuery(query);
    if (searchWords(query.text).length === 0) return [];
    const where = whereOf(query);
    const [vector] = await this.options.embedder.embed([query.text]);
    const c = await this.collection();
    const r = await c.query({ queryEmbeddings: [vector], nResults: query.limit, where, include: ['documents', 'metadatas', 'distances'] as never }).catch(unreachable);
    const hits: KnowledgeHit[] = [];
    const ids = r.ids[0] ?? [];
    for (let i = 0; i < ids.length; i++) {
      const score = 1 - (r.distances?.[0]?.[i] ?? 1);
      if (score < this.options.embedder.minRelevance) continue;
      hits.push({ document: documentOf(ids[i], r.documents?.[0]?.[i] ?? '', (r.metadatas?.[0]?.[i] ?? {}) as Metadata), score });
    }
    return hits.sort((a, b) => b.score - a.score || a.document.id.localeCompare(b.document.id));
  }
}

/** Chroma's `where` of a filter (every tag's boolean key, any of the kinds); undefined selects all. */
function whereOf(filter: KnowledgeFilter): Where | undefined {
  const filters: Where[] = (filter.tags ?? []).map((t) => ({ [`${META.tag}${t}`]: true }));
  if (filter.sourceKinds && filter.sourceKinds.length > 0) filters.push({ [META.kind]: { $in: [...filter.sourceKinds] } } as Where);
  return filters.length === 0 ? undefined : filters.length === 1 ? filters[0] : { $and: filters };
}

function documentOf(id: string, text: string, m: Metadata): KnowledgeDocument {
  const metadata: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(m)) if (!k.startsWith('mcube_') && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) metadata[k] = v;
  const title = m[META.title];
  return {
    id,
    text,
    source: { kind: m[META.kind] as KnowledgeDocument['source']['kind'], ref: String(m[META.ref] ?? ''), ...(typeof title === 'string' ? { title } : {}) },
    tags: JSON.parse(String(m[META.tags] ?? '[]')) as string[],
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    createdAtMs: Number(m[META.created] ?? 0),
  };
}
