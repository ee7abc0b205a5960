import { analyzeOpenInterest, type TradeIdea } from '@mcube/domain';
import type { FuturesOiReading, OptionsOiReading, Sourced } from '../ports/futures-market.port';

/** The OI reading of a candidate as the idea carries it, plus what each input's source was. */
export type OiSignal = TradeIdea['openInterest'] & {
  readonly futuresSource: 'REAL' | 'MODELLED' | 'UNAVAILABLE';
  readonly optionsSource: 'REAL' | 'MODELLED' | 'UNAVAILABLE';
};

// A neutral chain (PCR 1): with no option chain the plan's combined rule reads "options NEUTRAL",
// i.e. the futures signal alone with the unconfirmed confidence 0.65. It is never reported as a PCR.
const NEUTRAL_CHAIN = { calls: [{ strike: 1, oi: 1 }], puts: [{ strike: 1, oi: 1 }] };

/**
 * Plan §6 OI analysis (`analyzeOpenInterest`) of one candidate, with unavailable inputs marked:
 * no futures OI → signal NEUTRAL, `available` false (the screener then drops the candidate or
 * scores OI 0, per `missingOiPolicy`); no option chain → PCR null, options 'UNAVAILABLE', and the
 * futures signal stands alone at confidence 0.65 (as when the options read NEUTRAL).
 */
export function oiSignal(input: {
  futures: Sourced<FuturesOiReading>;
  options: Sourced<OptionsOiReading>;
  oiChangeThresholdPct: number;
  pcrBullishAbove: number;
  pcrBearishBelow: number;
}): OiSignal {
  const { futures, options } = input;
  const optionsSource = options.available ? options.source : 'UNAVAILABLE';
  if (!futures.available) {
    return {
      available: false,
      signal: 'NEUTRAL',
      confidence: null,
      reason: `futures OI unavailable: ${futures.reason}`,
      oiChangePct: null,
      priceChangePct: null,
      pcr: null,
      optionsSignal: 'UNAVAILABLE',
      futuresSource: 'UNAVAILABLE',
      optionsSource,
    };
  }
  const chain = options.available ? options.value : NEUTRAL_CHAIN;
  const a = analyzeOpenInterest({
    futures: futures.value,
    calls: chain.calls,
    puts: chain.puts,
    oiChangeThresholdPct: input.oiChangeThresholdPct,
    pcrBullishAbove: input.pcrBullishAbove,
    pcrBearishBelow: input.pcrBearishBelow,
  });
  return {
    available: true,
    signal: a.signal,
    confidence: a.confidence,
    reason: options.available ? a.futuresReason : `${a.futuresReason}; PCR unavailable (${options.reason})`,
    oiChangePct: a.oiChangePct,
    priceChangePct: a.priceChangePct,
    pcr: options.available ? a.pcr : null,
    optionsSignal: options.available ? a.optionsSignal : 'UNAVAILABLE',
    futuresSource: futures.source,
    optionsSource,
  };
}
