import type { ExpirySelection, FuturesDirection, IsoDate, ScreeningScore, SectorVerdict } from '@mcube/domain';
import type { FuturesContractInfo } from '../ports/futures-market.port';
import type { OiSignal } from '../signals/oi-signal';
import type { TechnicalReadings } from '../signals/technicals';

/** Why a universe member is not a candidate (the screener page shows it). */
export type ScreenDropCode =
  | 'NO_FUTURES_CONTRACT'
  | 'NO_EXPIRY_AVAILABLE'
  | 'INSUFFICIENT_HISTORY'
  | 'OI_UNAVAILABLE'
  | 'NO_OI_SIGNAL'
  | 'SECTOR_UNKNOWN'
  | 'SECTOR_UNAVAILABLE'
  | 'SECTOR_NOT_ALIGNED'
  | 'SCORE_BELOW_MIN'
  | 'DATA_ERROR';

/** One underlying of the day's universe. */
export interface UniverseMember {
  readonly underlying: string;
  readonly kind: 'STOCK' | 'INDEX';
  /** Mean traded value over the look-back sessions that had data (null for index futures: always included). */
  readonly averageTradedValueRupees: number | null;
  readonly sessionsWithData: number;
}

/** The sector verdict of a candidate (plan §6: all of 3/7/21 sessions on one side, else MIXED). */
export interface SectorReading {
  readonly index: string;
  readonly verdict: SectorVerdict;
  readonly perf3d: number;
  readonly perf7d: number;
  readonly perf21d: number;
  readonly asOfDate: IsoDate;
  readonly reason: string;
}

/** A candidate that passed every screen step, with every figure it was judged on. */
export interface ScreenedCandidate {
  readonly underlying: string;
  readonly kind: 'STOCK' | 'INDEX';
  readonly contract: FuturesContractInfo;
  readonly expiry: ExpirySelection;
  readonly direction: FuturesDirection;
  /** OI gives the direction; SECTOR only when OI is unavailable under the SCORE_ZERO policy. */
  readonly directionSource: 'OI' | 'SECTOR';
  readonly openInterest: OiSignal;
  readonly sector: SectorReading;
  readonly technicals: TechnicalReadings;
  readonly trendAligned: boolean;
  readonly roomToLevelOk: boolean;
  readonly score: ScreeningScore & { readonly minimum: number };
  readonly averageTradedValueRupees: number | null;
}

/** A universe member that did not pass, with the figures reached before it was dropped. */
export interface DroppedCandidate {
  readonly underlying: string;
  readonly code: ScreenDropCode;
  readonly reason: string;
  readonly direction?: FuturesDirection;
  readonly openInterest?: OiSignal;
  readonly sector?: SectorReading;
  readonly technicals?: TechnicalReadings;
  readonly score?: ScreeningScore & { readonly minimum: number };
}

/** The screen of one instant: universe, passing candidates best first, and every drop with its reason. */
export interface ScreenResult {
  /** The last completed session the bars, liquidity and sector figures end on. */
  readonly lastSession: IsoDate;
  readonly liquidity: { readonly lookbackSessions: number; readonly sessionsRead: readonly IsoDate[]; readonly sessionsMissing: readonly IsoDate[] };
  readonly universe: readonly UniverseMember[];
  readonly candidates: readonly ScreenedCandidate[];
  readonly dropped: readonly DroppedCandidate[];
}
