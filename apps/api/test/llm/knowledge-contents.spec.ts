import type { KnowledgeStore } from '@mcube/domain';
import { startChromaServer, type ChromaTestServer } from '@mcube/testing';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { DeskKnowledgeService } from '../../src/modules/llm/knowledge/desk/desk-knowledge.service';
import { deskKnowledgeDocuments } from '../../src/modules/llm/knowledge/desk/desk-knowledge';
import { KNOWLEDGE_STORE } from '../../src/modules/llm/llm.tokens';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { ClosedTradeKnowledgeService } from '../../src/modules/strategies/icici/closed-trade-knowledge.service';
import { login, startSecurityApp, type SecurityApp, type SessionAuth } from '../security/security-app';
import { insertFuturesTrade, type StoredFuturesTrade } from '../strategies/futures-trade.fixture';

// Issue #16 §3: the knowledge store holds the trading rules and DECISIONS (loaded at boot,
// idempotently by content hash), every closed ICICI trade with its outcome and the decision
// journal's inputs, and the trader's notes. The same cases run on the embedded SQLite FTS5
// store and on a real Chroma server (CHROMA_URL), each through a booted API.

function knowledgeContents(name: string, envOf: () => Record<string, string>) {
  describe(`the knowledge store's contents (${name})`, () => {
    let s: SecurityApp;
    let trader: SessionAuth;
    let store: KnowledgeStore;
    let before: StoredFuturesTrade;

    beforeAll(async () => {
      s = await startSecurityApp({
        env: envOf(),
        // A trade that closed while no API ran: the boot backfill must add it.
        beforeBoot: async (ds, seeded) => {
          before = await insertFuturesTrade(ds, seeded.accounts.iciciId, { tag: 'a', closed: true });
        },
      });
      trader = await login(s, 'trader');
      store = s.app.get<KnowledgeStore>(KNOWLEDGE_STORE, { strict: false });
      await s.app.get(DeskKnowledgeService, { strict: false }).settled();
      await s.app.get(ClosedTradeKnowledgeService, { strict: false }).settled();
    }, 300_000);
    afterAll(() => s?.close());

    it('holds the rules and DECISIONS after boot, and loading them again writes nothing (keyed by content hash)', async () => {
      const desk = s.app.get(DeskKnowledgeService, { strict: false });
      const all = deskKnowledgeDocuments(0).map((d) => d.id);
      expect(all.length).toBeGreaterThan(30);
      expect(all.filter((id) => id.startsWith('decisions:')).length).toBeGreaterThan(5);
      expect(all.filter((id) => id.startsWith('plan:')).length).toBeGreaterThan(5);
      const again = await desk.load();
      expect(again.written).toEqual([]);
      expect(again.removed).toEqual([]);
      expect([...again.unchanged].sort()).toEqual([...all].sort());
      const averaging = await store.search({ text: 'futures averaging attempts maximum', limit: 3, sourceKinds: ['DECISION'] });
      expect(averaging[0].document.source.ref).toMatch(/^DECISIONS\.md §1\./);
      expect(averaging[0].document.text).toMatch(/averaging/i);
      const sector = await store.search({ text: 'sector analysis critical filter', limit: 5, sourceKinds: ['RULE'] });
      expect(sector.map((h) => h.document.source.ref)).toContain('mcube-design.md §Sector Analysis (CRITICAL Filter)');
    });

    it('rewrites only a document whose content changed', async () => {
      const [first] = deskKnowledgeDocuments(0);
      await store.upsert({ ...first, text: `${first.text} (stale copy)`, metadata: { contentHash: 'old' } });
      const outcome = await s.app.get(DeskKnowledgeService, { strict: false }).load();
      expect(outcome.written).toEqual([first.id]);
      expect((await store.get(first.id))?.text).toBe(first.text);
    });

    it('removes on re-index a rule or DECISIONS section the texts no longer have, and keeps trades and notes', async () => {
      const desk = s.app.get(DeskKnowledgeService, { strict: false });
      // What a previous version of the texts left behind: a DECISIONS section and a plan section since deleted.
      await store.upsert({ id: 'decisions:99-withdrawn-rule', text: 'Withdrawn: averaging three times on expiry week.', source: { kind: 'DECISION', ref: 'DECISIONS.md §99' }, tags: ['rules', 'decisions'], createdAtMs: 0, metadata: { contentHash: 'old' } });
      await store.upsert({ id: 'plan:gone-section', text: 'A section the plan no longer has.', source: { kind: 'RULE', ref: 'mcube-design.md §Gone' }, tags: ['rules', 'plan'], createdAtMs: 0 });
      await store.upsert({ id: 'note:kept', text: 'A note of the trader about withdrawn rules.', source: { kind: 'NOTE', ref: 'note by trader' }, tags: ['rules'], createdAtMs: 0 });
      const outcome = await desk.load();
      expect([...outcome.removed].sort()).toEqual(['decisions:99-withdrawn-rule', 'plan:gone-section']);
      expect(outcome.written).toEqual([]);
      expect(await store.get('decisions:99-withdrawn-rule')).toBeNull();
      expect(await store.get('plan:gone-section')).toBeNull();
      expect((await store.search({ text: 'withdrawn averaging expiry week', limit: 10 })).map((h) => h.document.id)).not.toContain('decisions:99-withdrawn-rule');
      expect(await store.get('note:kept')).not.toBeNull();
      expect(await store.get(`trade:${before.positionId}`)).not.toBeNull();
      expect(await store.ids({ sourceKinds: ['RULE', 'DECISION'] })).toEqual(deskKnowledgeDocuments(0).map((d) => d.id).sort());
      await store.remove('note:kept');
    });

    it('holds a trade that closed before boot with its outcome and the decision journal inputs', async () => {
      const doc = await store.get(`trade:${before.positionId}`);
      expect(doc).toMatchObject({ source: { kind: 'TRADE', ref: `position ${before.positionId}` }, tags: ['futures', 'infy', 'loss'], metadata: { exitReason: 'STOP_LOSS_HIT', score: 78, verdict: 'APPROVE', pnlPaise: -6_400_00 } });
      expect(doc!.text).toContain('INFY LONG INFY-2026-03-30-FUT: lost ₹6,400.00.');
      expect(doc!.text).toContain('closed 2026-03-10 at 1588 (STOP_LOSS_HIT), 800 units, 1 averaging attempt(s)');
      expect(doc!.text).toContain('screen score 78 (minimum 65; oi 34, sector 30, trend 9, rsi 5)');
      expect(doc!.text).toContain('sector NIFTY IT STRONG_BULLISH');
      expect(doc!.text).toContain('validator (rules validator — no LLM configured): APPROVE 0.81');
      expect(doc!.text).toContain('averaging attempt 1 approved by trader');
      expect(doc!.text).toContain('averaging attempt 2 rejected by trader (results on Thursday: no more size)');
      const hits = await store.search({ text: 'INFY stopped out stop loss', limit: 3, sourceKinds: ['TRADE'] });
      expect(hits.map((h) => h.document.id)).toContain(`trade:${before.positionId}`);
    });

    it('adds a trade when its position closes, and leaves open and other strategies’ positions out', async () => {
      const knowledge = s.app.get(ClosedTradeKnowledgeService, { strict: false });
      const bus = s.app.get(AppEventsBus, { strict: false });
      const open = await insertFuturesTrade(s.dataSource, s.accounts.iciciId, { tag: 'b', closed: false, underlying: 'TCS' });
      const publishClosed = (positionId: number) => bus.publish('position.updated', { positionId, accountId: s.accounts.iciciId, status: 'CLOSED', state: 'CLOSED', underlying: 'TCS', expiry: '2026-03-30', unrealizedPnlPaise: 0, realizedPnlPaise: -6_400_00, netDelta: null, legs: [], atMs: Date.now() } as never);
      publishClosed(open.positionId);
      await knowledge.settled();
      expect(await store.get(`trade:${open.positionId}`)).toBeNull();
      // The exit fills: the position row is CLOSED, then the event arrives.
      await s.dataSource.getRepository(Position).update(open.positionId, { status: 'CLOSED', closedAt: new Date('2026-03-10T09:15:00.000Z'), realizedPnlPaise: 9_600_00 });
      publishClosed(open.positionId);
      await knowledge.settled();
      const doc = await store.get(`trade:${open.positionId}`);
      expect(doc?.text).toMatch(/^TCS LONG TCS-2026-03-30-FUT: won ₹9,600\.00\./);
      expect(doc?.tags).toEqual(['futures', 'tcs', 'win']);
      const strangle = await s.dataSource.getRepository(Position).save({ accountId: s.accounts.kotakId, strategyType: 'WEEKLY_NIFTY_STRANGLE', status: 'CLOSED', direction: 'NEUTRAL', underlying: 'NIFTY', expiryDate: '2026-03-17', quantity: 0, marginUsedPaise: 0, entryValuePaise: 0, openedAt: new Date('2026-03-10T04:00:00.000Z') } as Partial<Position>);
      expect(await knowledge.record(strangle.id)).toBe(false);
      expect(await store.get(`trade:${strangle.id}`)).toBeNull();
    });

    it("stores the trader's note through REST and finds it with its source", async () => {
      const res = await s
        .http()
        .post('/api/knowledge/notes')
        .set('cookie', trader.cookie)
        .set('x-csrf-token', trader.csrfToken)
        .send({ title: 'Results season', text: 'Avoid fresh IT futures entries in the week Infosys reports quarterly results.', tags: ['futures'] })
        .expect(201);
      const hits = await store.search({ text: 'Infosys quarterly results week', limit: 3, sourceKinds: ['NOTE'] });
      expect(hits[0].document).toMatchObject({ id: res.body.id, source: { kind: 'NOTE', ref: 'note by trader', title: 'Results season' } });
      const search = await s.http().get('/api/knowledge/search').query({ q: 'Infosys quarterly results' }).set('cookie', trader.cookie).expect(200);
      expect(search.body.store).toBe(store.kind);
    });
  });
}

knowledgeContents('SQLite FTS5, the embedded default', () => ({}));

describe('on a real Chroma server', () => {
  let chroma: ChromaTestServer | undefined;
  beforeAll(async () => {
    chroma = await startChromaServer();
  }, 300_000);
  afterAll(() => chroma?.stop());
  knowledgeContents('Chroma through CHROMA_URL', () => ({ CHROMA_URL: chroma!.url }));
});
