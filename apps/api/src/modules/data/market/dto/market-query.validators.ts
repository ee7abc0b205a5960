import { Matches } from 'class-validator';

/** An IST calendar date 'YYYY-MM-DD' (shape; the calendar checks the day exists). */
export const IST_DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** One market symbol: an index ('NIFTY 50'), a stock, or a contract ('NIFTY-2026-08-25-24500-CE'). */
export const SYMBOL_RE = /^[A-Za-z0-9][A-Za-z0-9 &._-]{0,59}$/;

/** Validates an IST date 'YYYY-MM-DD'. */
export const IsIstDate = (): PropertyDecorator => Matches(IST_DATE_RE, { message: '$property must be an IST date YYYY-MM-DD' });

/** Validates a market symbol (letters, digits, space, & . _ -; at most 60 characters). */
export const IsMarketSymbol = (): PropertyDecorator =>
  Matches(SYMBOL_RE, { message: '$property must be a market symbol of at most 60 letters, digits, spaces or & . _ -' });
