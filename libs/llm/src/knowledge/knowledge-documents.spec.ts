import { Fts5KnowledgeStore } from './fts5-knowledge-store';
import { closedTradeDocument, documentsFromMarkdown } from './knowledge-documents';

const DECISIONS = `# mCube: decisions

Intro text outside any section is not a document.

## 1. Contradictions in the plan, settled

| Topic | The plan says | Decision |
|---|---|---|
| Futures averaging attempts | "Maximum 3" | Default **2**, configurable up to 3. |
| Strangle exit day | Thursday | Exits are relative to the contract's expiry. |

## 3. Rules for algorithmic orders

- Orders must leave from a whitelisted static IP.
- mCube throttles itself to 5 orders/s per segment.
`;

describe('knowledge documents from the desk’s texts', () => {
  const docs = documentsFromMarkdown({ markdown: DECISIONS, kind: 'DECISION', ref: 'DECISIONS.md', idPrefix: 'decisions', tags: ['rules'], createdAtMs: 1 });

  it('makes one document per table row and per section of prose, with the section as source', () => {
    expect(docs.map((d) => d.id)).toEqual([
      'decisions:1-contradictions-in-the-plan-settled:futures-averaging-attempts',
      'decisions:1-contradictions-in-the-plan-settled:strangle-exit-day',
      'decisions:3-rules-for-algorithmic-orders',
    ]);
    expect(docs[0]).toMatchObject({
      text: 'Topic: Futures averaging attempts\nThe plan says: "Maximum 3"\nDecision: Default **2**, configurable up to 3.',
      source: { kind: 'DECISION', ref: 'DECISIONS.md §1. Contradictions in the plan, settled', title: '1. Contradictions in the plan, settled — Futures averaging attempts' },
      tags: ['rules'],
    });
    expect(docs[2].text).toContain('whitelisted static IP');
  });

  it('stores and finds them with their sources', async () => {
    const store = new Fts5KnowledgeStore(':memory:');
    for (const d of docs) await store.upsert(d);
    await store.upsert(closedTradeDocument({ positionId: '41', underlying: 'INFY', contract: 'INFY25DECFUT', direction: 'LONG', entryPrice: 1600, exitPrice: 1592, quantity: 800, pnlPaise: -6_400_00, exitReason: 'STOP_LOSS_HIT', openedDate: '2025-12-01', closedDate: '2025-12-02', averagingAttempts: 0, note: 'results week', createdAtMs: 2 }));
    const hits = await store.search({ text: 'how many averaging attempts', limit: 2 });
    expect(hits[0].document.source.title).toBe('1. Contradictions in the plan, settled — Futures averaging attempts');
    const trade = (await store.search({ text: 'INFY stop loss results', limit: 1, sourceKinds: ['TRADE'] }))[0].document;
    expect(trade).toMatchObject({ id: 'trade:41', tags: ['futures', 'infy', 'loss'], source: { kind: 'TRADE', ref: 'position 41' } });
    expect(trade.text).toBe('INFY LONG INFY25DECFUT: lost ₹6,400.00. Entered 2025-12-01 at 1600, closed 2025-12-02 at 1592 (STOP_LOSS_HIT), 800 units, 0 averaging attempt(s). Note: results week');
  });
});
