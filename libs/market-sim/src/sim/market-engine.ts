import { istDateTimeOf, type FnoStockSnapshot, type IsoDate, type IstTime } from '@mcube/domain';
import { isInWindows, sessionMsOf, type SessionMs } from '../calendar/calendar-helpers';
import { BarRecorder } from './bar-recorder';
import { EventsCalendar } from './events-calendar';
import { drawOvernightCues, type OvernightCues } from './global-cues-model';
import { IndexFuturesOi } from './index-futures-oi';
import { SIM_INDEX_FUTURES, type IndexFuturesSpec } from './index-futures.data';
import { activityBetween, cumulativeActivity } from './intraday-profile';
import { stepIndex } from './nifty-process';
import { stockOiPositioning } from './open-interest-profile';
import { createPrng, hashLabel, type Prng } from './prng';
import { indexHistoryPreroll } from './index-history-preroll';
import { stockHistoryPreroll } from './stock-history-preroll';
import { stockSnapshot } from './stock-snapshot';
import type { ResolvedSimConfig, VolRegime } from './sim-config';
import { initialSectors, initialStocks, stepFactorModel, type SectorState, type StockState } from './stocks-factor-model';
import { nextRegime, stepVix } from './vix-process';

/** One simulated tick: when, and NIFTY and India VIX after it. */
export interface SimTick {
  readonly timeMs: number;
  readonly date: IsoDate;
  readonly time: IstTime;
  readonly nifty: number;
  readonly vix: number;
}

/** A level through the day. */
export interface LevelState {
  last: number;
  open: number;
  high: number;
  low: number;
  prevClose: number;
  volume: number;
}

const WARMUP_TICK_MS = 15 * 60_000;
const NIFTY_FUTURES_DAY_VOLUME = 8_000_000;

const level = (v: number): LevelState => ({ last: v, open: v, high: v, low: v, prevClose: v, volume: 0 });

/**
 * The simulated market's state and its stepping: ticks every `tickIntervalMs` inside the dated
 * session of each trading day (never on holidays, never outside the session or in its breaks),
 * an overnight move between sessions, daily regime switches. Deterministic for a seed.
 */
export class MarketEngine {
  readonly nifty: LevelState;
  readonly vix: LevelState;
  readonly sectors: SectorState[];
  readonly stocks: StockState[];
  readonly niftyBars: BarRecorder;
  readonly vixBars: BarRecorder;
  readonly sectorBars = new Map<string, BarRecorder>();
  readonly stockBars = new Map<string, BarRecorder>();
  readonly events: EventsCalendar;
  /** Futures OI of each listed index (NIFTY; BANKNIFTY when the NIFTY BANK sector is simulated). */
  readonly indexFutures: IndexFuturesOi[];
  /** The stock screen as it stood at each past close. */
  readonly stockDays = new Map<IsoDate, FnoStockSnapshot[]>();
  regime: VolRegime;
  session!: SessionMs;
  /** Time of the last tick (or of the close once the day is closed). */
  timeMs = 0;
  dayClosed = false;
  cues: (OvernightCues & { readonly giftNiftyChangePct: number; readonly asOfMs: number }) | null = null;
  /**
   * Option expiries the market has listed since it started: a listed contract stays listed
   * until its own expiry even if the calendar later moves the dated rules' dates (a holiday
   * entered), as an exchange never withdraws an open contract.
   */
  readonly listedOptionExpiries = new Set<IsoDate>();
  /** First day with intraday bars (after the warm-up). */
  readonly firstLiveDate: IsoDate;
  readonly firstDate: IsoDate;
  private readonly prng: { nifty: Prng; vix: Prng; stocks: Prng; cues: Prng; regime: Prng };
  private lastFraction = 0;
  private pending: { nifty: number; vix: number; dayFraction: number } | null = null;
  private tickMs: number;
  private recordIntraday = false;

  constructor(readonly cfg: ResolvedSimConfig) {
    const root = createPrng(cfg.seed);
    this.prng = { nifty: root.fork('nifty'), vix: root.fork('vix'), stocks: root.fork('stocks'), cues: root.fork('cues'), regime: root.fork('regime') };
    this.events = new EventsCalendar(cfg.events ? null : root.fork('events'), cfg.events ?? []);
    this.nifty = level(cfg.niftyStart);
    this.vix = level(cfg.vixStart);
    this.regime = cfg.regimeStart;
    this.sectors = initialSectors(cfg.sectors);
    this.stocks = initialStocks(cfg.stocks);
    this.indexFutures = SIM_INDEX_FUTURES.filter((f) => f.spotIndex === 'NIFTY 50' || this.sectors.some((s) => s.spec.index === f.spotIndex)).map((f) => new IndexFuturesOi(f, cfg.calendar, cfg.seed));
    const base = Math.max(60_000, cfg.tickIntervalMs);
    this.niftyBars = new BarRecorder(base);
    this.vixBars = new BarRecorder(base);
    for (const s of this.sectors) this.sectorBars.set(s.spec.index, new BarRecorder(base));
    for (const s of this.stocks) this.stockBars.set(s.spec.symbol, new BarRecorder(base));
    const cal = cfg.calendar;
    this.firstLiveDate = cal.isTradingDay(cfg.startDate) ? cfg.startDate : cal.nextTradingDay(cfg.startDate);
    let first = this.firstLiveDate;
    for (let i = 0; i < cfg.warmupTradingDays; i++) first = cal.previousTradingDay(first);
    this.firstDate = first;
    const daysBefore = (count: number) => {
      const dates: IsoDate[] = [];
      for (let d = cal.previousTradingDay(first); dates.length < count; d = cal.previousTradingDay(d)) dates.unshift(d);
      return dates;
    };
    if (cfg.stockHistoryTradingDays > 0) {
      const dates = daysBefore(cfg.stockHistoryTradingDays);
      // Its own stream: the warm-up and the live days draw exactly what they drew without it.
      const history = root.fork('stock-history');
      for (const s of this.stocks) for (const bar of stockHistoryPreroll(s.spec, dates, history)) this.stockBars.get(s.spec.symbol)?.recordDay(bar);
    }
    if (cfg.indexHistoryTradingDays > 0) {
      // Its own stream too, and bars only: NIFTY, VIX, sectors and options live exactly as without it.
      const history = indexHistoryPreroll({ niftyStart: cfg.niftyStart, vixStart: cfg.vixStart, sectors: cfg.sectors, dates: daysBefore(cfg.indexHistoryTradingDays), prng: root.fork('index-history') });
      for (const bar of history.nifty) this.niftyBars.recordDay(bar);
      for (const [index, bars] of history.sectors) for (const bar of bars) this.sectorBars.get(index)?.recordDay(bar);
    }
    this.tickMs = WARMUP_TICK_MS;
    this.openDay(first);
    while (this.session.date !== this.firstLiveDate) this.step();
  }

  /** The instant of the next tick: the next grid point of this session, else the next session's open. */
  nextTickMs(): number {
    if (!this.dayClosed) {
      for (let t = this.timeMs + this.tickMs; t < this.session.closeMs; t += this.tickMs) {
        if (isInWindows(this.session, t)) return t;
      }
    }
    const next = this.cfg.calendar.nextTradingDay(this.session.date);
    return this.sessionOf(next).openMs;
  }

  /** Moves to the next tick (closing the day and opening the next when the session is over). */
  step(): SimTick {
    const t = this.nextTickMs();
    if (t >= this.session.closeMs || this.dayClosed) {
      this.closeDay();
      this.openDay(this.cfg.calendar.nextTradingDay(this.session.date));
    } else {
      const fraction = this.fractionOf(t);
      this.move(activityBetween(this.lastFraction, fraction) * (1 - this.cfg.overnightVarianceShare), null);
      this.lastFraction = fraction;
      this.timeMs = t;
      this.record();
    }
    return this.tick();
  }

  /** Ticks until the next tick would be after `ms`; closes the day when `ms` is past its close. Returns the ticks taken. */
  advanceTo(ms: number): number {
    let n = 0;
    while (this.nextTickMs() <= ms) {
      this.step();
      n++;
    }
    if (!this.dayClosed && ms >= this.session.closeMs) this.closeDay();
    return n;
  }

  /** The current tick. */
  tick(): SimTick {
    const { date, time } = istDateTimeOf(this.timeMs);
    return { timeMs: this.timeMs, date, time, nifty: this.nifty.last, vix: this.vix.last };
  }

  /** The index a future follows, now and at the previous close. */
  indexLevel(spec: IndexFuturesSpec): { last: number; prevClose: number } {
    if (spec.spotIndex === 'NIFTY 50') return { last: this.nifty.last, prevClose: this.nifty.prevClose };
    const s = this.sectors.find((x) => x.spec.index === spec.spotIndex) as SectorState;
    return { last: s.level, prevClose: s.prevClose };
  }

  /** Log move of an index since its previous close (the OI positioning follows it). */
  indexLogChange(spec: IndexFuturesSpec): number {
    const { last, prevClose } = this.indexLevel(spec);
    return Math.log(last / prevClose);
  }

  /** Share of today's activity so far: 0 before the first tick, 1 once closed. */
  progress(): number {
    return this.dayClosed ? 1 : cumulativeActivity(this.lastFraction);
  }

  /** The session of a trading day in epoch ms. Throws INVALID_ARGUMENT for a day without one. */
  sessionOf(date: IsoDate): SessionMs {
    return sessionMsOf(this.cfg.calendar, date);
  }

  private fractionOf(t: number): number {
    return Math.min(1, (t - this.session.openMs) / (this.session.closeMs - this.session.openMs));
  }

  /** One move of every series carrying `dayFraction` of a day's variance; `gap` forces NIFTY/VIX (the overnight move). */
  private move(dayFraction: number, gap: { nifty: number; vix: number } | null): void {
    const before = this.nifty.last;
    if (gap) {
      this.nifty.last = gap.nifty;
      this.vix.last = gap.vix;
    } else {
      const shock = this.prng.nifty.normal();
      const jumps = this.cfg.jumpsPerYear * this.jumpMultiplier;
      this.nifty.last = stepIndex({ level: before, vix: this.vix.last, dayFraction, jumpsPerYear: jumps, jumpStd: this.cfg.jumpStd, shock, prng: this.prng.nifty });
      this.vix.last = stepVix({ vix: this.vix.last, regime: this.regime, dtDays: dayFraction, niftyShock: shock, prng: this.prng.vix });
    }
    stepFactorModel({ sectors: this.sectors, stocks: this.stocks, niftyLogReturn: Math.log(this.nifty.last / before), vix: this.vix.last, dayFraction, prng: this.prng.stocks });
    for (const s of [this.nifty, this.vix]) {
      s.high = Math.max(s.high, s.last);
      s.low = Math.min(s.low, s.last);
    }
    this.nifty.volume += Math.round(NIFTY_FUTURES_DAY_VOLUME * (this.vix.last / 15) * (dayFraction / (1 - this.cfg.overnightVarianceShare)));
  }

  private jumpMultiplier = 1;

  private record(): void {
    if (!this.recordIntraday) return;
    const { date, openMs } = this.session;
    const volume = this.nifty.volume - this.lastRecordedVolume;
    this.lastRecordedVolume = this.nifty.volume;
    this.niftyBars.record(date, openMs, this.timeMs, this.nifty.last, volume);
    this.vixBars.record(date, openMs, this.timeMs, this.vix.last, 0);
  }

  private lastRecordedVolume = 0;

  private openDay(date: IsoDate): void {
    this.session = this.sessionOf(date);
    this.timeMs = this.session.openMs;
    this.dayClosed = false;
    this.lastFraction = 0;
    this.recordIntraday = date >= this.firstLiveDate;
    this.tickMs = this.recordIntraday ? this.cfg.tickIntervalMs : WARMUP_TICK_MS;
    this.jumpMultiplier = this.events.between(date, date).some((e) => e.country === 'IN' && e.impact === 'HIGH') ? 3 : 1;
    this.nifty.volume = 0;
    this.lastRecordedVolume = 0;
    if (this.pending) {
      this.regime = nextRegime(this.regime, this.prng.regime);
      this.move(this.pending.dayFraction, this.pending);
      this.pending = null;
    }
    for (const s of [this.nifty, this.vix]) s.open = s.high = s.low = s.last;
    for (const s of this.sectors) s.open = s.high = s.low = s.level;
    for (const f of this.indexFutures) f.openDay(date);
    for (const st of this.stocks) {
      st.open = st.high = st.low = st.price;
      // One normal draw per stock, as before, so the stocks' prices stay those of the same seed.
      const noise = this.prng.stocks.normal();
      const u = (part: string) => hashLabel(`${this.cfg.seed}|${date}|${st.spec.symbol}|oi-${part}`) / 4294967296;
      const positioning = stockOiPositioning({ previousClose: st.futOiPrevClose, base: st.futOiBase, noise, u1: u('side'), u2: u('size') });
      st.futOiDrift = positioning.drift;
      st.futOiSensitivity = positioning.sensitivity;
      st.dayTurnoverTarget = st.spec.turnoverCr * 1e7 * (this.vix.last / 15) * Math.exp(0.3 * this.prng.stocks.normal() - 0.045);
    }
    this.record();
  }

  private closeDay(): void {
    if (this.dayClosed) return;
    const { date } = this.session;
    const bar = (s: { open: number; high: number; low: number }, close: number, volume = 0) => ({ date, open: s.open, high: s.high, low: s.low, close, volume });
    this.niftyBars.recordDay(bar(this.nifty, this.nifty.last, this.nifty.volume));
    this.vixBars.recordDay(bar(this.vix, this.vix.last));
    for (const f of this.indexFutures) f.closeDay(this.indexLogChange(f.spec));
    for (const s of this.sectors) {
      this.sectorBars.get(s.spec.index)?.recordDay(bar(s, s.level));
      s.prevClose = s.level;
    }
    const closing = this.stocks.map((st) => stockSnapshot(st, 1));
    this.stockDays.set(date, closing);
    this.stocks.forEach((st, i) => {
      this.stockBars.get(st.spec.symbol)?.recordDay(bar(st, st.price, Math.round(st.dayTurnoverTarget / st.price)));
      st.prevClose = st.price;
      st.futOiPrevClose = closing[i].futuresOpenInterest as number;
    });
    this.nifty.prevClose = this.nifty.last;
    this.vix.prevClose = this.vix.last;
    // The overnight move (plus the session's unticked tail) is drawn now, so GIFT Nifty can show it.
    const dayFraction = this.cfg.overnightVarianceShare + (1 - cumulativeActivity(this.lastFraction)) * (1 - this.cfg.overnightVarianceShare);
    const cues = drawOvernightCues(this.vix.last, this.prng.cues);
    const nifty = stepIndex({ level: this.nifty.last, vix: this.vix.last, dayFraction, jumpsPerYear: this.cfg.jumpsPerYear, jumpStd: this.cfg.jumpStd, shock: cues.gapShock, prng: this.prng.nifty });
    const vix = stepVix({ vix: this.vix.last, regime: this.regime, dtDays: dayFraction, niftyShock: cues.gapShock, prng: this.prng.vix });
    this.pending = { nifty, vix, dayFraction };
    const giftNiftyChangePct = (nifty / this.nifty.last - 1) * 100 + 0.08 * this.prng.cues.normal();
    this.cues = { ...cues, giftNiftyChangePct, asOfMs: this.session.closeMs };
    this.timeMs = Math.max(this.timeMs, this.session.closeMs);
    this.dayClosed = true;
  }
}
