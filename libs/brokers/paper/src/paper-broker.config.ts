import { assertInteger, assertNonNegative, BROKERAGE_DEFAULTS, DomainError, type BrokerageSchedule, type BrokerInstrument, type Paise } from '@mcube/domain';
import { nseContractRules, simContractSymbolOf, spotSymbolOf, type ContractRulesLookup } from './contract-rules';

/**
 * Slippage added to the touch, in ticks against the trader (a fill is never worse than the
 * order's limit): FIXED always `ticks`; RANDOM a whole number in [0, maxTicks] drawn from a
 * PRNG seeded with `seed` (reproducible; the sequence restarts with the client).
 */
export type SlippageModel = { readonly kind: 'FIXED'; readonly ticks: number } | { readonly kind: 'RANDOM'; readonly maxTicks: number; readonly seed: number };

/** Parameters of the margin approximation (see `paper-margin.ts`), fractions of notional. */
export interface PaperMarginParams {
  /** Short option, per leg: default 0.12 of the underlying's notional. */
  readonly shortOptionPct: number;
  /** Extra per short option leg on the contract's expiry day: default 0.02. */
  readonly expiryExtraPct: number;
  /** Futures, long or short: default 0.12 of the contract's notional. */
  readonly futuresPct: number;
}

/** How a paper account behaves. Only `capitalPaise` is required. */
export interface PaperBrokerConfig {
  /** Capital of the paper account. */
  readonly capitalPaise: Paise;
  /** When set, requests for any other account are REJECTED. */
  readonly accountId?: string;
  /** Brokerage per executed order (charged on its first fill); default Kotak's (₹0). */
  readonly brokerage?: BrokerageSchedule;
  /** Default FIXED 0 ticks. */
  readonly slippage?: SlippageModel;
  /** Lots available at the touch per instrument and side in one match pass ("displayed size"); default unlimited. */
  readonly displayedLotsPerPass?: number;
  /** When a quote has no bid/ask: touch = last ± this many ticks; default 1. */
  readonly syntheticHalfSpreadTicks?: number;
  readonly margin?: Partial<PaperMarginParams>;
  /** Lot, tick and freeze terms; default `nseContractRules`. */
  readonly contractRules?: ContractRulesLookup;
  /** Market-data symbol of a contract; default `simContractSymbolOf`. */
  readonly quoteSymbolOf?: (instrument: BrokerInstrument) => string;
  /** Market-data symbol of an underlying's spot; default `spotSymbolOf`. */
  readonly spotSymbolOf?: (underlying: string) => string;
  /** Prefix of broker order and trade ids; default 'PAPER'. */
  readonly idPrefix?: string;
}

/** `PaperBrokerConfig` with every default filled in. */
export interface ResolvedPaperConfig {
  readonly capitalPaise: Paise;
  readonly accountId?: string;
  readonly brokerage: BrokerageSchedule;
  readonly slippage: SlippageModel;
  readonly displayedLotsPerPass: number;
  readonly syntheticHalfSpreadTicks: number;
  readonly margin: PaperMarginParams;
  readonly contractRules: ContractRulesLookup;
  readonly quoteSymbolOf: (instrument: BrokerInstrument) => string;
  readonly spotSymbolOf: (underlying: string) => string;
  readonly idPrefix: string;
}

function assertFraction(name: string, v: number): void {
  if (!Number.isFinite(v) || v < 0 || v > 1) throw new DomainError('INVALID_ARGUMENT', `${name} is a fraction in [0, 1], got ${v}`);
}

/**
 * Fills in the defaults and checks the values. Throws DomainError INVALID_ARGUMENT for a
 * negative or fractional capital, a bad slippage, displayed size, spread or margin fraction.
 */
export function resolvePaperConfig(config: PaperBrokerConfig): ResolvedPaperConfig {
  assertInteger('capitalPaise', config.capitalPaise, { min: 0 });
  const slippage = config.slippage ?? { kind: 'FIXED', ticks: 0 };
  if (slippage.kind === 'FIXED') assertInteger('slippage ticks', slippage.ticks, { min: 0 });
  else if (slippage.kind === 'RANDOM') {
    assertInteger('slippage maxTicks', slippage.maxTicks, { min: 0 });
    assertInteger('slippage seed', slippage.seed);
  } else throw new DomainError('INVALID_ARGUMENT', 'slippage kind must be FIXED or RANDOM');
  const displayedLotsPerPass = config.displayedLotsPerPass ?? Number.POSITIVE_INFINITY;
  if (displayedLotsPerPass !== Number.POSITIVE_INFINITY) assertInteger('displayedLotsPerPass', displayedLotsPerPass, { min: 1 });
  const syntheticHalfSpreadTicks = config.syntheticHalfSpreadTicks ?? 1;
  assertInteger('syntheticHalfSpreadTicks', syntheticHalfSpreadTicks, { min: 0 });
  const margin: PaperMarginParams = { shortOptionPct: 0.12, expiryExtraPct: 0.02, futuresPct: 0.12, ...config.margin };
  assertFraction('shortOptionPct', margin.shortOptionPct);
  assertFraction('expiryExtraPct', margin.expiryExtraPct);
  assertFraction('futuresPct', margin.futuresPct);
  const brokerage = config.brokerage ?? BROKERAGE_DEFAULTS.KOTAK;
  assertNonNegative('brokerage OPT', brokerage.OPT);
  assertNonNegative('brokerage FUT', brokerage.FUT);
  return {
    capitalPaise: config.capitalPaise,
    accountId: config.accountId,
    brokerage,
    slippage,
    displayedLotsPerPass,
    syntheticHalfSpreadTicks,
    margin,
    contractRules: config.contractRules ?? nseContractRules,
    quoteSymbolOf: config.quoteSymbolOf ?? simContractSymbolOf,
    spotSymbolOf: config.spotSymbolOf ?? spotSymbolOf,
    idPrefix: config.idPrefix ?? 'PAPER',
  };
}
