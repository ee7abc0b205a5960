import type { Clock } from '@mcube/domain';
import type { FakeNeoAuth } from './fake-neo-auth';
import type { FakeNeoBook } from './fake-neo-book';
import type { FakeNeoContract, FakeNeoMasterFiles } from './fake-neo-master';

/** One leg as the margin rule sees it (paise, units). */
export interface FakeNeoMarginLeg {
  readonly contract: FakeNeoContract;
  readonly side: 'B' | 'S';
  readonly quantity: number;
  readonly pricePaise: number;
}

/**
 * Default margin of one order, in paise: buying an option blocks its premium; selling an
 * option or trading a future blocks 12% of the notional (strike or price × quantity), the
 * rough figure of DECISIONS §2. Kotak checks one order at a time: no spread benefit.
 */
export function defaultFakeMargin(leg: FakeNeoMarginLeg): number {
  if (leg.contract.optionType !== 'XX' && leg.side === 'B') return leg.pricePaise * leg.quantity;
  const basePaise = leg.contract.optionType === 'XX' ? leg.pricePaise : Math.round((leg.contract.strike ?? 0) * 100);
  return Math.round(basePaise * leg.quantity * 0.12);
}

/** Everything the fake broker's routes read and change. */
export interface FakeNeoState {
  readonly clock: Clock;
  readonly auth: FakeNeoAuth;
  readonly book: FakeNeoBook;
  master: FakeNeoMasterFiles;
  contractsBySymbol: Map<string, FakeNeoContract>;
  contractsByToken: Map<string, FakeNeoContract>;
  staticIpRegistered: boolean;
  algoOrdersAllowed: boolean;
  /** Kotak has at times refused a repeated `ig` tag (stCode 32 "error from core"). */
  uniqueTags: boolean;
  funds: { netPaise: number; marginUsedPaise: number; collateralPaise: number };
  marginRule: (leg: FakeNeoMarginLeg) => number;
  /** Where the CSV files are served. */
  filesUrl: string;
  /** The `baseUrl` login answers carry. */
  tradeUrl: string;
}
