import { DomainError } from '../errors/domain-error';
import { assertIsoDate, type IsoDate } from '../time/ist-date';

/**
 * The one identity of a tradable contract in mCube (issue 13), in exchange terms: ports
 * (market data, execution, the instrument master) and the order path name contracts by it;
 * a broker's or a feed's own symbol is made from it at the adapter edge. An option has a
 * strike and a right (`optionType`); a future has neither.
 */
export interface InstrumentId {
  readonly underlying: string;
  readonly kind: 'OPT' | 'FUT';
  readonly expiry: IsoDate;
  readonly strike?: number;
  readonly optionType?: 'CE' | 'PE';
}

/**
 * The canonical key of an `InstrumentId`: 'NIFTY-2026-08-25-FUT', 'NIFTY-2026-08-25-24500-CE'.
 * Readable, sortable by underlying then expiry, and parsed back by `parseInstrumentKey`. It is
 * the string the simulator, the replay, the backtest engine and their stored snapshots already
 * use, so making it canonical changed no stored data.
 */
export type InstrumentKey = string & { readonly __instrumentKey: true };

const UNDERLYING_RE = /^[A-Z0-9&_]+(?:-[A-Z0-9&_]+)*$/;
const KEY_RE = /^([A-Z0-9&_-]+?)-(\d{4}-\d{2}-\d{2})-(?:(FUT)|(\d+(?:\.\d+)?)-(CE|PE))$/;

/** The key's text, unchecked (shared with `contractSymbol`, which never validated). */
export function instrumentKeyText(id: InstrumentId): string {
  const base = `${id.underlying}-${id.expiry}`;
  return id.kind === 'FUT' ? `${base}-FUT` : `${base}-${id.strike}-${id.optionType}`;
}

/**
 * The canonical key of `id`; throws INVALID_ARGUMENT for an id that is not a contract (an
 * option without a positive strike or a CE/PE right, a future with either, a blank or lower-case
 * underlying) and INVALID_DATE for an impossible expiry.
 */
export function instrumentKey(id: InstrumentId): InstrumentKey {
  assertInstrumentId(id);
  return instrumentKeyText(id) as InstrumentKey;
}

/**
 * The `InstrumentId` of a canonical key; throws INVALID_ARGUMENT (saying what the key should
 * look like) for anything else, an index or stock name included, and INVALID_DATE for an
 * impossible expiry.
 */
export function parseInstrumentKey(key: string): InstrumentId {
  const m = typeof key === 'string' ? KEY_RE.exec(key) : null;
  if (!m) throw new DomainError('INVALID_ARGUMENT', `"${String(key)}" is not an instrument key (UNDERLYING-YYYY-MM-DD-FUT or UNDERLYING-YYYY-MM-DD-STRIKE-CE|PE)`, { key });
  const [, underlying, expiry, fut, strike, optionType] = m;
  const id: InstrumentId = fut ? { underlying, kind: 'FUT', expiry } : { underlying, kind: 'OPT', expiry, strike: Number(strike), optionType: optionType as 'CE' | 'PE' };
  assertInstrumentId(id);
  return id;
}

/**
 * Only the `InstrumentId` of a value that carries more (a command's stored symbol and token, a
 * venue's listing): what a port is handed, so no symbol of one side rides along to the other.
 */
export function instrumentIdOf(value: InstrumentId): InstrumentId {
  return value.kind === 'FUT' ? { underlying: value.underlying, kind: 'FUT', expiry: value.expiry } : { underlying: value.underlying, kind: 'OPT', expiry: value.expiry, strike: value.strike, optionType: value.optionType };
}

/** Whether two ids name the same contract. */
export function sameInstrument(a: InstrumentId, b: InstrumentId): boolean {
  return instrumentKeyText(a) === instrumentKeyText(b);
}

function assertInstrumentId(id: InstrumentId): void {
  const bad = (why: string): never => {
    throw new DomainError('INVALID_ARGUMENT', `not an instrument: ${why}`, { instrument: id });
  };
  if (typeof id?.underlying !== 'string' || !UNDERLYING_RE.test(id.underlying)) bad(`underlying "${String(id?.underlying)}" must be an upper-case NSE name`);
  assertIsoDate(id.expiry);
  if (id.kind === 'FUT') {
    if (id.strike !== undefined || id.optionType !== undefined) bad('a future has no strike or right');
    return;
  }
  if (id.kind !== 'OPT') bad(`kind "${String(id.kind)}" must be OPT or FUT`);
  if (typeof id.strike !== 'number' || !Number.isFinite(id.strike) || !(id.strike > 0)) bad(`strike ${String(id.strike)} must be a positive number`);
  if (id.optionType !== 'CE' && id.optionType !== 'PE') bad(`right ${String(id.optionType)} must be CE or PE`);
}

/**
 * What `MarketDataPort.quote` is asked for: a contract by its `InstrumentId`, or an index or
 * stock by its NSE name ('NIFTY 50', 'INDIA VIX', 'RELIANCE'). An adapter maps a contract to
 * its own symbol or token at its edge.
 */
export type QuoteTarget = InstrumentId | string;

/** The name of a quote target: the index or stock name as given, a contract's canonical key. */
export function quoteNameOf(target: QuoteTarget): string {
  return typeof target === 'string' ? target : instrumentKey(target);
}
