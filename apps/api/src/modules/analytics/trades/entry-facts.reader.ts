import { daysBetween, istDateTimeOf, type EntryFacts } from '@mcube/domain';
import type { EntityManager } from 'typeorm';
import type { PositionFacts } from '../../positions/position-reads';
import { enterDecisionsOf, strategyIdsOfPositions } from '../../strategies/decisions/entry-decision-reads';

type Json = Record<string, unknown>;
const obj = (x: unknown): Json | null => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Json) : null);
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

/** The market facts the strategy journalled with its ENTER decision (the strangle's `evaluation`; the futures' idea when present). */
export function factsOfEntryInputs(inputs: Json): EntryFacts {
  const ev = obj(inputs['evaluation']);
  const market = obj(ev?.['market']);
  const expiry = obj(ev?.['expiry']);
  const strikes = obj(ev?.['strikes']);
  const idea = obj(inputs['idea']);
  const date = str(ev?.['date']);
  const expiryDate = str(expiry?.['expiry']);
  const events = Array.isArray(market?.['highImpactEvents']) ? (market?.['highImpactEvents'] as unknown[]) : null;
  return {
    vix: num(market?.['vix']),
    spot: num(market?.['spot']),
    daysToExpiry: num(expiry?.['daysToExpiry']),
    change3dPct: num(market?.['nifty3dChangePct']),
    eventsBeforeExpiry: events && date && expiryDate ? events.filter((e) => { const d = str(obj(e)?.['date']); return d !== null && d >= date && d <= expiryDate; }).length : null,
    callStrike: num(strikes?.['callStrike']),
    putStrike: num(strikes?.['putStrike']),
    oiSignal: str(obj(idea?.['openInterest'])?.['signal']),
    sectorVerdict: str(obj(idea?.['sector'])?.['verdict']),
  };
}

/** What the position row itself says when the journal has nothing: days to expiry and strikes. */
function factsOfPosition(p: PositionFacts): EntryFacts {
  return { daysToExpiry: daysBetween(istDateTimeOf(p.openedAt.getTime()).date, p.expiryDate), callStrike: p.callStrike, putStrike: p.putStrike };
}

/**
 * Entry facts of closed positions, by position id: the ENTER decision's journalled inputs
 * (matched by position id, or by the strategy's own id through the stored link), over the
 * position row's own facts. A position entered by hand has only the latter.
 */
export async function entryFactsOf(m: EntityManager, positions: readonly PositionFacts[]): Promise<Map<number, EntryFacts>> {
  const out = new Map(positions.map((p) => [p.id, factsOfPosition(p)]));
  if (positions.length === 0) return out;
  const byStrategyId = await strategyIdsOfPositions(m, positions.map((p) => p.id));
  const accounts = [...new Set(positions.map((p) => p.accountId))];
  const entries = await enterDecisionsOf(m, accounts);
  for (const e of entries) {
    const id = e.positionId ?? byStrategyId.get(String(e.inputs['strategyPositionId'] ?? ''));
    const base = id === undefined ? undefined : out.get(id);
    if (id === undefined || !base) continue;
    const journalled = factsOfEntryInputs(e.inputs);
    const merged = Object.fromEntries(Object.entries(journalled).filter(([, v]) => v !== null && v !== undefined));
    out.set(id, { ...base, ...merged });
  }
  return out;
}
