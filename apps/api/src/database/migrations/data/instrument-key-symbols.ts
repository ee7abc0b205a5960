import type { QueryRunner } from 'typeorm';

/**
 * The data step of the InstrumentKeySymbols migrations (issue 13, one instrument identity),
 * shared by both dialects. Frozen with them: the two formats are spelled out here rather than
 * imported, so a later change to the domain's key cannot change what this migration did.
 *
 * `trading_symbol` of `orders` and `position_legs` moves from mCube's old symbol
 * (`NIFTY2026082524500CE`, `NIFTY20260825FUT`) to the canonical instrument key
 * (`NIFTY-2026-08-25-24500-CE`, `NIFTY-2026-08-25-FUT`). Both texts are computed from the row's
 * own columns (underlying, expiry_date, strike, instrument_type), never parsed from the text,
 * and a row is rewritten only when its text is exactly the format it moves from. Anything else
 * (a broker's symbol, a row without an expiry or an option without a strike, a row already in
 * the target format) is left as it is. Only these two tables store mCube's symbol as a column;
 * JSON bodies that quote it (order event payloads, decision journal inputs, alerts) are a record
 * of what was said at the time and are not rewritten.
 */
export const SYMBOL_TABLES = ['orders', 'position_legs'] as const;

interface ContractColumns {
  readonly id: number;
  readonly symbol: string;
  readonly underlying: string;
  readonly type: string;
  readonly strike: number | string | null;
  readonly expiry: string | null;
}

/** mCube's symbol before issue 13: `<UNDERLYING><YYYYMMDD><STRIKE><CE|PE>` or `<UNDERLYING><YYYYMMDD>FUT`. */
export function oldSymbolOf(c: Omit<ContractColumns, 'id' | 'symbol'>): string | null {
  const day = dayOf(c.expiry);
  if (day === null) return null;
  if (c.type === 'FUT') return `${c.underlying}${day.replace(/-/g, '')}FUT`;
  const strike = strikeOf(c.strike);
  return strike === null || (c.type !== 'CE' && c.type !== 'PE') ? null : `${c.underlying}${day.replace(/-/g, '')}${strike}${c.type}`;
}

/** The canonical instrument key: `<UNDERLYING>-<YYYY-MM-DD>-<STRIKE>-<CE|PE>` or `<UNDERLYING>-<YYYY-MM-DD>-FUT`. */
export function instrumentKeyOf(c: Omit<ContractColumns, 'id' | 'symbol'>): string | null {
  const day = dayOf(c.expiry);
  if (day === null) return null;
  if (c.type === 'FUT') return `${c.underlying}-${day}-FUT`;
  const strike = strikeOf(c.strike);
  return strike === null || (c.type !== 'CE' && c.type !== 'PE') ? null : `${c.underlying}-${day}-${strike}-${c.type}`;
}

/**
 * Rewrites every row of `SYMBOL_TABLES` whose `trading_symbol` is `from(row)` to `to(row)`.
 * `placeholder(n)` is the dialect's bound parameter (`?` on SQLite, `$n` on PostgreSQL).
 */
export async function rewriteSymbols(
  runner: QueryRunner,
  placeholder: (n: number) => string,
  from: typeof oldSymbolOf,
  to: typeof oldSymbolOf,
): Promise<void> {
  for (const table of SYMBOL_TABLES) {
    // The expiry as text on both dialects (a PostgreSQL `date` would otherwise come back as a Date).
    const rows: ContractColumns[] = await runner.query(
      `SELECT "id" AS "id", "trading_symbol" AS "symbol", "underlying" AS "underlying", "instrument_type" AS "type", "strike" AS "strike", CAST("expiry_date" AS TEXT) AS "expiry" FROM "${table}"`,
    );
    for (const row of rows) {
      const source = from(row);
      const target = to(row);
      if (source === null || target === null || row.symbol !== source || source === target) continue;
      await runner.query(`UPDATE "${table}" SET "trading_symbol" = ${placeholder(1)} WHERE "id" = ${placeholder(2)}`, [target, row.id]);
    }
  }
}

function dayOf(expiry: string | null): string | null {
  const day = expiry === null ? '' : String(expiry).slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

/** The strike as the order path wrote it (`${number}`): 24500, 24500.5. */
function strikeOf(strike: number | string | null): string | null {
  if (strike === null || strike === '') return null;
  const n = Number(strike);
  return Number.isFinite(n) && n > 0 ? String(n) : null;
}
