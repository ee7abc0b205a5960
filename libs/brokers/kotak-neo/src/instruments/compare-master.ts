import {
  addDays,
  DomainError,
  freezeQuantityFor,
  lotSizeFor,
  type FreezeQuantityTable,
  type IsoDate,
  type LotSizeTable,
  type NseCalendar,
} from '@mcube/domain';
import type { KotakInstrumentMaster } from './kotak-contract';

/** One way the broker's master and mCube's dated tables disagree (each value given). */
export type MasterDisagreement =
  | { readonly kind: 'LOT_SIZE'; readonly underlying: string; readonly expiry: IsoDate; readonly masterLotSize: number; readonly tableLotSize: number }
  | { readonly kind: 'EXPIRY_NOT_IN_CALENDAR'; readonly underlying: string; readonly expiry: IsoDate }
  | { readonly kind: 'CALENDAR_EXPIRY_NOT_LISTED'; readonly underlying: string; readonly expiry: IsoDate }
  | { readonly kind: 'FREEZE_QUANTITY'; readonly underlying: string; readonly masterFreezeQuantity: number; readonly tableFreezeQuantity: number };

/** The outcome of a comparison; `unchecked` lists what the tables could not judge (e.g. past the calendar's horizon). */
export interface MasterComparison {
  readonly date: IsoDate;
  readonly disagreements: readonly MasterDisagreement[];
  readonly unchecked: readonly { readonly underlying: string; readonly expiry?: IsoDate; readonly why: string }[];
}

/** Inputs of `compareMasterWithTables`. */
export interface CompareMasterInput {
  readonly master: KotakInstrumentMaster;
  readonly calendar: NseCalendar;
  /** Underlyings to check (default NIFTY: the one the dated tables cover). */
  readonly underlyings?: readonly string[];
  readonly lotSizes?: LotSizeTable;
  readonly freezeQuantities?: FreezeQuantityTable;
  /** How many of the calendar's nearest expiries must be listed (default 4: NSE lists four weeklies). */
  readonly nearExpiries?: number;
}

const why = (e: unknown): string => (e instanceof DomainError ? `${e.code}: ${e.message}` : String(e));

/**
 * Compares a loaded master (the authority, DECISIONS §2) with the domain's dated tables and
 * calendar, returning every disagreement with both values for a WARNING: lot size per
 * listed expiry, expiries the calendar does not know, the calendar's nearest expiries the
 * master does not list, and freeze quantities. Pure: no I/O, no clock.
 */
export function compareMasterWithTables(input: CompareMasterInput): MasterComparison {
  const { master, calendar } = input;
  const disagreements: MasterDisagreement[] = [];
  const unchecked: { underlying: string; expiry?: IsoDate; why: string }[] = [];
  for (const underlying of input.underlyings ?? ['NIFTY']) {
    const contracts = master.contracts.filter((c) => c.underlying === underlying);
    const expiries = [...new Set(contracts.map((c) => c.expiry))].sort();
    for (const expiry of expiries) {
      for (const masterLotSize of new Set(contracts.filter((c) => c.expiry === expiry).map((c) => c.lotSize))) {
        try {
          const tableLotSize = lotSizeFor({ underlying, expiry, table: input.lotSizes });
          if (tableLotSize !== masterLotSize) disagreements.push({ kind: 'LOT_SIZE', underlying, expiry, masterLotSize, tableLotSize });
        } catch (e) {
          unchecked.push({ underlying, expiry, why: why(e) });
        }
      }
      // An assumed day (past the horizon) cannot judge the master: unchecked, never a guess.
      if (!calendar.isConfirmed(expiry)) {
        unchecked.push({ underlying, expiry, why: `CALENDAR_UNCONFIRMED: ${expiry} is past the calendar's horizon (${calendar.horizon ?? 'none'})` });
        continue;
      }
      try {
        if (!calendar.weeklyExpiries(underlying, expiry, expiry).includes(expiry)) disagreements.push({ kind: 'EXPIRY_NOT_IN_CALENDAR', underlying, expiry });
      } catch (e) {
        unchecked.push({ underlying, expiry, why: why(e) });
      }
    }
    try {
      const near = calendar.weeklyExpiries(underlying, master.date, addDays(master.date, 7 * ((input.nearExpiries ?? 4) + 2))).slice(0, input.nearExpiries ?? 4);
      for (const expiry of near) if (!expiries.includes(expiry)) disagreements.push({ kind: 'CALENDAR_EXPIRY_NOT_LISTED', underlying, expiry });
    } catch (e) {
      unchecked.push({ underlying, why: `nearest calendar expiries: ${why(e)}` });
    }
    try {
      const tableFreezeQuantity = freezeQuantityFor({ underlying, date: master.date, table: input.freezeQuantities });
      for (const masterFreezeQuantity of new Set(contracts.flatMap((c) => (c.freezeQuantity !== undefined ? [c.freezeQuantity] : [])))) {
        if (masterFreezeQuantity !== tableFreezeQuantity) disagreements.push({ kind: 'FREEZE_QUANTITY', underlying, masterFreezeQuantity, tableFreezeQuantity });
      }
    } catch (e) {
      unchecked.push({ underlying, why: `freeze quantity: ${why(e)}` });
    }
  }
  return { date: master.date, disagreements, unchecked };
}
