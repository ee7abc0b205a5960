import { IsoDate } from '../time/ist-date';
import {
  EntryFilterResult,
  eventCalendarFilter,
  globalMarketsFilter,
  marketRegimeFilter,
  MarketEvent,
  niftyMovementFilter,
  onePositionFilter,
} from './entry-filter-rules';
import { STRANGLE_FILTER_DEFAULTS } from './strangle.defaults';

/** Thresholds of the entry filters; see {@link STRANGLE_FILTER_DEFAULTS}. */
export type StrangleFilterThresholds = { -readonly [K in keyof typeof STRANGLE_FILTER_DEFAULTS]: number };

/** Market facts the entry filters judge. Changes are percentages (1.2 = 1.2%). */
export interface StrangleEntryFilterInput {
  readonly today: IsoDate;
  readonly giftNiftyChangePct: number;
  readonly nasdaqChangePct: number;
  readonly dowChangePct: number;
  readonly nifty1dChangePct: number;
  readonly nifty3dChangePct: number;
  readonly events: readonly MarketEvent[];
  readonly spot: number;
  readonly bollingerUpper: number;
  readonly bollingerLower: number;
  readonly vix: number;
  readonly hasActivePosition: boolean;
  readonly thresholds?: Partial<StrangleFilterThresholds>;
}

/** Result of {@link strangleEntryFilters}. */
export interface StrangleEntryFilterResult {
  /** Messages of the filters that passed, in order. */
  readonly passed: string[];
  /** Messages of the filters that failed, in order. */
  readonly failed: string[];
  readonly allPassed: boolean;
  /** Every filter's structured result, in plan order. */
  readonly filters: EntryFilterResult[];
}

/**
 * Runs the five strangle entry filters of plan §5 (ALL must pass), with GIFT Nifty in place
 * of SGX Nifty: global markets, NIFTY movement, events (today..today+5 inclusive), regime
 * (Bollinger extreme, then VIX > 20), and the one-position rule. Every filter is always
 * evaluated so the screen can show all reasons. Limits are strict: a value exactly at a
 * limit passes.
 *
 * @throws DomainError for non-finite market values, malformed dates or bad thresholds.
 */
export function strangleEntryFilters(input: StrangleEntryFilterInput): StrangleEntryFilterResult {
  const t: StrangleFilterThresholds = { ...STRANGLE_FILTER_DEFAULTS, ...input.thresholds };
  const filters = [
    globalMarketsFilter({
      giftNiftyChangePct: input.giftNiftyChangePct,
      nasdaqChangePct: input.nasdaqChangePct,
      dowChangePct: input.dowChangePct,
      maxGiftNiftyChangePct: t.maxGiftNiftyChangePct,
      maxUsChangePct: t.maxUsChangePct,
    }),
    niftyMovementFilter({
      nifty1dChangePct: input.nifty1dChangePct,
      nifty3dChangePct: input.nifty3dChangePct,
      maxNifty1dChangePct: t.maxNifty1dChangePct,
      maxNifty3dChangePct: t.maxNifty3dChangePct,
    }),
    eventCalendarFilter({ today: input.today, events: input.events, lookaheadDays: t.eventLookaheadDays }),
    marketRegimeFilter({
      spot: input.spot,
      bollingerUpper: input.bollingerUpper,
      bollingerLower: input.bollingerLower,
      vix: input.vix,
      maxVix: t.maxVix,
    }),
    onePositionFilter(input.hasActivePosition),
  ];
  const passed = filters.filter((f) => f.passed).map((f) => f.message);
  const failed = filters.filter((f) => !f.passed).map((f) => f.message);
  return { passed, failed, allPassed: failed.length === 0, filters };
}
