import { DomainError, type KnowledgeDocument, type KnowledgeStore } from '@mcube/domain';
import { freePort, startChromaServer, type ChromaTestServer } from '@mcube/testing';
import { OllamaLlmClient } from '../ollama/ollama-llm.client';
import { FakeOllamaServer } from '../testing/fake-ollama.server';
import { ChromaKnowledgeStore } from './chroma-knowledge-store';
import { HashingEmbedder, LlmEmbedder } from './embedders';
import { Fts5KnowledgeStore } from './fts5-knowledge-store';
import { seedKnowledge } from './seed-knowledge';

const doc = (id: string, text: string, over: Partial<KnowledgeDocument> = {}): KnowledgeDocument => ({
  id,
  text,
  source: { kind: 'RULE', ref: `ref-${id}` },
  tags: [],
  createdAtMs: 1_764_000_000_000,
  ...over,
});

const CORPUS: KnowledgeDocument[] = [
  doc('rule-averaging', 'Futures averaging: at most two attempts, triggered when price moves one percent against the average; every averaging order needs a person.', {
    source: { kind: 'DECISION', ref: 'DECISIONS.md §1', title: 'Futures averaging attempts' },
    tags: ['futures', 'averaging'],
    metadata: { section: 1, settled: true },
  }),
  doc('rule-sector', 'Sector filter: all of the 3, 7 and 21 session sector performances must agree with the direction, mixed sectors mean no trade.', {
    source: { kind: 'RULE', ref: 'mcube-design.md §6', title: 'Sector analysis' },
    tags: ['futures', 'sector'],
  }),
  doc('trade-41', 'INFY long stopped out after a gap down on quarterly results; avoid entries during results week.', { source: { kind: 'TRADE', ref: 'position 41' }, tags: ['futures', 'infy'] }),
  doc('note-7', 'Strangle: never carry short options into expiry settlement; close at 15:15 on expiry day.', { source: { kind: 'NOTE', ref: 'note 7' }, tags: ['strangle'] }),
];

/** The same cases for every adapter: the port's contract, not an implementation. */
function knowledgeStoreContract(name: string, open: () => Promise<KnowledgeStore>) {
  describe(`${name} knowledge store`, () => {
    let store: KnowledgeStore;
    beforeAll(async () => {
      store = await open();
      for (const d of CORPUS) await store.upsert(d);
    }, 60_000);

    it('returns a stored document with its source, tags and metadata', async () => {
      expect(await store.get('rule-averaging')).toEqual(CORPUS[0]);
      expect(await store.get('nope')).toBeNull();
    });

    it('finds the relevant passage first, with its source, and keeps to the limit', async () => {
      const hits = await store.search({ text: 'how many averaging attempts are allowed on a futures position?', limit: 2 });
      expect(hits.length).toBeGreaterThanOrEqual(1);
      expect(hits.length).toBeLessThanOrEqual(2);
      expect(hits[0].document.id).toBe('rule-averaging');
      expect(hits[0].document.source).toEqual({ kind: 'DECISION', ref: 'DECISIONS.md §1', title: 'Futures averaging attempts' });
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    });

    it('filters by tags and by source kind', async () => {
      const byTag = await store.search({ text: 'sector performances and direction', limit: 10, tags: ['futures', 'sector'] });
      expect(byTag.map((h) => h.document.id)).toEqual(['rule-sector']);
      const byKind = await store.search({ text: 'results week, expiry day', limit: 10, sourceKinds: ['TRADE', 'NOTE'] });
      expect(byKind.map((h) => h.document.id).sort()).toEqual(['note-7', 'trade-41']);
    });

    it('replaces a document upserted again under the same id', async () => {
      await store.upsert(doc('note-9', 'Gap risk around budget day.', { source: { kind: 'NOTE', ref: 'note 9' } }));
      await store.upsert(doc('note-9', 'Monsoon forecast moves fertiliser stocks.', { source: { kind: 'NOTE', ref: 'note 9 v2' } }));
      expect((await store.get('note-9'))?.source.ref).toBe('note 9 v2');
      expect((await store.search({ text: 'budget gap', limit: 5 })).map((h) => h.document.id)).not.toContain('note-9');
      expect((await store.search({ text: 'monsoon fertiliser', limit: 5 }))[0].document.id).toBe('note-9');
    });

    it('forgets a removed document, and removing an unknown id is fine', async () => {
      await store.upsert(doc('note-10', 'Holiday calendar changes at short notice.', { source: { kind: 'NOTE', ref: 'note 10' } }));
      await store.remove('note-10');
      await store.remove('never-stored');
      expect(await store.get('note-10')).toBeNull();
      expect((await store.search({ text: 'holiday calendar notice', limit: 5 })).map((h) => h.document.id)).not.toContain('note-10');
    });

    it('lists the ids a filter selects, sorted', async () => {
      expect(await store.ids({ sourceKinds: ['RULE', 'DECISION'] })).toEqual(['rule-averaging', 'rule-sector']);
      expect(await store.ids({ tags: ['futures'] })).toEqual(['rule-averaging', 'rule-sector', 'trade-41']);
      expect(await store.ids({ tags: ['futures'], sourceKinds: ['TRADE'] })).toEqual(['trade-41']);
      expect(await store.ids({ tags: ['no-such-tag'] })).toEqual([]);
      expect(await store.ids({})).toEqual(expect.arrayContaining(CORPUS.map((d) => d.id)));
    });

    it('re-indexing a source removes its sections that disappeared, and leaves other kinds alone', async () => {
      const section = (id: string, text: string) => doc(id, text, { source: { kind: 'RULE', ref: `handbook.md §${id}` }, tags: ['handbook'] });
      const first = await seedKnowledge(store, [section('hb-entry', 'Entries only between ten and half past eleven.'), section('hb-exit', 'Exit at quarter past three unless half the target is made.'), section('hb-gap', 'Skip a stock that gapped over three percent.')], { prune: { tags: ['handbook'] } });
      expect([...first.written].sort()).toEqual(['hb-entry', 'hb-exit', 'hb-gap']);
      expect(first.removed).toEqual([]);
      // The source text loses its gap section and rewrites the exit one.
      const second = await seedKnowledge(store, [section('hb-entry', 'Entries only between ten and half past eleven.'), section('hb-exit', 'Exit at fifteen fifteen unless half the target is made.')], { prune: { tags: ['handbook'] } });
      expect(second).toEqual({ written: ['hb-exit'], unchanged: ['hb-entry'], removed: ['hb-gap'] });
      expect(await store.get('hb-gap')).toBeNull();
      expect((await store.search({ text: 'gapped stock percent', limit: 10 })).map((h) => h.document.id)).not.toContain('hb-gap');
      expect(await store.ids({ tags: ['handbook'] })).toEqual(['hb-entry', 'hb-exit']);
      // Documents outside the pruned selection (other rules, trades, notes) stay.
      for (const d of CORPUS) expect(await store.get(d.id)).not.toBeNull();
      // Without `prune` nothing is removed.
      expect((await seedKnowledge(store, [section('hb-entry', 'Entries only between ten and half past eleven.')])).removed).toEqual([]);
      expect(await store.ids({ tags: ['handbook'] })).toEqual(['hb-entry', 'hb-exit']);
    });

    it('gives no hits for a query sharing no word with the store, or with no words at all', async () => {
      expect(await store.search({ text: 'zebra quokka', limit: 5 })).toEqual([]);
      expect(await store.search({ text: '?!  --', limit: 5 })).toEqual([]);
    });

    it('refuses a bad document or query and stores nothing', async () => {
      await expect(store.upsert(doc('bad id with spaces', 'x'))).rejects.toThrow(DomainError);
      await expect(store.upsert(doc('bad-kind', 'x', { source: { kind: 'GOSSIP' as never, ref: 'r' } }))).rejects.toThrow(/source.kind/);
      await expect(store.upsert(doc('bad-meta', 'x', { metadata: { mcube_source_ref: 'spoof' } }))).rejects.toThrow(/metadata key/);
      await expect(store.search({ text: 'sector', limit: 0 })).rejects.toThrow(/limit/);
      expect(await store.get('bad-kind')).toBeNull();
      expect(await store.get('bad-meta')).toBeNull();
    });
  });
}

knowledgeStoreContract('SQLite FTS5 (BM25)', async () => new Fts5KnowledgeStore(':memory:'));

describe('against a real Chroma server', () => {
  let chroma: ChromaTestServer;
  const ollama = new FakeOllamaServer();
  beforeAll(async () => {
    await ollama.start();
    chroma = await startChromaServer();
  }, 300_000);
  afterAll(async () => {
    await chroma?.stop();
    await ollama.stop();
  });

  knowledgeStoreContract('Chroma with the hashing embedder', async () => new ChromaKnowledgeStore({ url: chroma.url, collection: 'hashing', embedder: new HashingEmbedder() }));
  knowledgeStoreContract('Chroma with Ollama /api/embed vectors', async () => {
    const embedder = new LlmEmbedder(new OllamaLlmClient({ host: ollama.url, model: 'llama3.1:8b', embedModel: 'nomic-embed-text' }), 'nomic-embed-text', 0.12);
    return new ChromaKnowledgeStore({ url: chroma.url, collection: 'ollama', embedder });
  });

  it('embedded through /api/embed with the configured model', () => {
    expect(ollama.requests.some((r) => r.path === '/api/embed' && r.body['model'] === 'nomic-embed-text')).toBe(true);
  });

  it('rejects with TEMPORARY when the server is gone', async () => {
    const store = new ChromaKnowledgeStore({ url: `http://127.0.0.1:${await freePort()}`, collection: 'x', embedder: new HashingEmbedder() });
    await expect(store.search({ text: 'sector', limit: 1 })).rejects.toMatchObject({ name: 'BrokerError', kind: 'TEMPORARY' });
  });
});
