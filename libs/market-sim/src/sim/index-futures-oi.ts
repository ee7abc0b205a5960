import { daysBetween, type IsoDate, type NseCalendar } from '@mcube/domain';
import { listedFuturesExpiries } from '../instruments/instrument-master';
import { INDEX_OI_START_SHARES, indexContractOpenInterest, indexOiPositioning, NEW_CONTRACT_OI_SHARE, rollFraction } from './index-open-interest-profile';
import { indexFuturesLotSize, type IndexFuturesSpec } from './index-futures.data';
import { hashLabel } from './prng';

/** A reproducible uniform in (0, 1) from a label. */
const uniformOf = (label: string) => (hashLabel(label) + 0.5) / 4294967296;

/** One contract's OI now and at the previous close (units). */
export interface ContractOi {
  readonly openInterest: number;
  readonly previousClose: number;
}

/**
 * The futures OI of one index through the simulation: each listed monthly contract's OI at the
 * previous close, and the day's positioning and roll (`index-open-interest-profile.ts`), drawn
 * at the open from hashes of (seed, date, index) only. A contract's OI at the close becomes its
 * previous close; an expired contract leaves; a newly listed one opens with a small OI.
 */
export class IndexFuturesOi {
  private readonly closes = new Map<IsoDate, number>();
  /** Today's closing OI per contract once the day is closed (it becomes `closes` at the next open). */
  private dayCloses: Map<IsoDate, number> | null = null;
  private expiries: IsoDate[] = [];
  private drift = 0;
  private sensitivity = 0;
  private roll = 0;

  constructor(
    readonly spec: IndexFuturesSpec,
    private readonly calendar: NseCalendar,
    private readonly seed: number,
  ) {}

  /** The contracts listed on `date`, near first. */
  get listed(): readonly IsoDate[] {
    return this.expiries;
  }

  /** Lists the day's contracts and draws its positioning and roll. */
  openDay(date: IsoDate): void {
    for (const [e, oi] of this.dayCloses ?? []) this.closes.set(e, oi);
    this.dayCloses = null;
    const fresh = this.closes.size === 0;
    this.expiries = listedFuturesExpiries({ calendar: this.calendar, date, underlying: this.spec.underlying });
    for (const e of [...this.closes.keys()]) if (!this.expiries.includes(e)) this.closes.delete(e);
    this.expiries.forEach((e, rank) => {
      if (this.closes.has(e)) return;
      const share = fresh ? (INDEX_OI_START_SHARES[rank] ?? 0) : NEW_CONTRACT_OI_SHARE;
      const lot = indexFuturesLotSize(this.spec, e);
      this.closes.set(e, Math.round((this.spec.oiBase * share) / lot) * lot);
    });
    const total = [...this.closes.values()].reduce((a, b) => a + b, 0);
    const u = (part: string) => uniformOf(`${this.seed}|${date}|${this.spec.underlying}|fut-oi-${part}`);
    const noise = Math.sqrt(-2 * Math.log(u('n1'))) * Math.cos(2 * Math.PI * u('n2'));
    const p = indexOiPositioning({ previousClose: total, base: this.spec.oiBase, noise, u1: u('side'), u2: u('size') });
    this.drift = p.drift;
    this.sensitivity = p.sensitivity;
    this.roll = this.expiries.length > 1 ? rollFraction(daysBetween(date, this.expiries[0])) : 0;
  }

  /** A listed contract's OI at `progress` of the day with the index `priceLogChange` from its previous close; undefined if not listed. */
  contract(expiry: IsoDate, priceLogChange: number, progress: number): ContractOi | undefined {
    const rank = this.expiries.indexOf(expiry);
    if (rank < 0) return undefined;
    const previousClose = this.closes.get(expiry) as number;
    const closed = this.dayCloses?.get(expiry);
    if (closed !== undefined) return { openInterest: closed, previousClose };
    const near = this.closes.get(this.expiries[0]) as number;
    const openInterest = indexContractOpenInterest({
      previousClose,
      rolledOut: rank === 0 ? this.roll : 0,
      rolledIn: rank === 1 ? near * this.roll : 0,
      drift: this.drift,
      sensitivity: this.sensitivity,
      priceLogChange,
      progress,
      lotSize: indexFuturesLotSize(this.spec, expiry),
    });
    return { openInterest, previousClose };
  }

  /** Closes the day at the index's closing move: each contract's OI is fixed until the next open, where it becomes the previous close. */
  closeDay(priceLogChange: number): void {
    this.dayCloses = new Map(this.expiries.map((e) => [e, (this.contract(e, priceLogChange, 1) as ContractOi).openInterest]));
  }
}
