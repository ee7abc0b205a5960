import type { InstrumentId } from '../instruments/instrument-id';
import type { InstrumentMasterRecord } from './market-data.port';

/**
 * One venue's listing of contracts (a broker's scrip master, or the market source's own
 * listing), mapping mCube's `InstrumentId` to the venue's contract (trading symbol, token, lot,
 * tick, freeze) and back. An adapter maps through it at its edge, so nothing inside mCube needs
 * to know a venue's symbols (issue 13).
 */
export interface InstrumentMaster {
  /** The venue's contract of `id`, or undefined when the venue does not list it. */
  listingOf(id: InstrumentId): InstrumentMasterRecord | undefined;
  /** The contract a venue names by its trading symbol, its token or mCube's canonical key, or undefined. */
  instrumentOf(name: string): InstrumentId | undefined;
}
