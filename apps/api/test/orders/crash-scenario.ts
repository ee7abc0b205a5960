import { epochMsOfIst, type EntryCommand, type OrderCommand } from '@mcube/domain';
import { QuoteBoard } from './quote-board.fake';

/** Where the crash child kills itself. */
export type CrashPoint = 'AFTER_JOURNAL' | 'AFTER_SEND' | 'MID_FILL' | 'MID_SLICING';

/**
 * MID_SLICING's entry: 28 lots a leg, above the 1,800-unit freeze quantity, so two slices a leg
 * (27 + 1 lots); the strangle's margin (≈ ₹1.02 Cr by the gateway's model) fits the ₹1.2 Cr usable.
 */
export const SLICED_QUANTITY = 1820;

/** The account row the crash tests trade on (the first inserted in a fresh database). */
export const CRASH_ACCOUNT_ID = 1;

/** Paper capital: ₹6 Cr. */
export const CRASH_CAPITAL_PAISE = 6_00_00_000_00;

/** 2026-03-10 10:00 IST. */
export const crashClockMs = (): number => epochMsOfIst('2026-03-10', '10:00:00');

/** SELL 650 NIFTY 17-Mar-2026 23500 CE @ ₹120.50, an entry leg (alone, not a valid Kotak entry). */
export function crashIntent(): OrderCommand {
  return {
    accountId: CRASH_ACCOUNT_ID,
    segment: 'NFO-OPT',
    instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 23500, optionType: 'CE' },
    side: 'SELL',
    quantity: 650,
    orderType: 'LIMIT',
    limitPrice: 120.5,
    purpose: 'ENTRY',
  };
}

/** The strangle the crash child enters: that call and SELL `quantity` × 22500 PE @ ₹95 (650 each by default), one entry (the call is sent first). */
export function crashEntry(quantity = 650): EntryCommand {
  const call = crashIntent();
  return {
    accountId: CRASH_ACCOUNT_ID,
    legs: [
      { segment: 'NFO-OPT', instrument: call.instrument, side: 'SELL', quantity, orderType: 'LIMIT', limitPrice: 120.5 },
      { segment: 'NFO-OPT', instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 22500, optionType: 'PE' }, side: 'SELL', quantity, orderType: 'LIMIT', limitPrice: 95 },
    ],
  };
}

/** A quote at which that SELL limit crosses. */
export const CRASH_CALL_BID = { symbol: 'NIFTY-2026-03-17-23500-CE', lastPrice: 121, bid: 121, ask: 121.5 };

/** NIFTY spot for the paper margin. */
export const crashMarket = (): QuoteBoard => new QuoteBoard().set('NIFTY 50', { lastPrice: 23400 });
