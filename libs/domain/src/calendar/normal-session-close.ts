import { DomainError } from '../errors/domain-error';
import { compareDates, type IsoDate, type IstTime } from '../time/ist-date';
import type { SessionRule } from './calendar.types';
import { NSE_FO_SESSION_RULES } from './session-rules.data';

/**
 * The close (IST) of a normal F&O session on `date` by the dated session rules, without a
 * calendar: for code that has no calendar instance (the console's payoff curve). It knows no
 * holidays or special sessions; an expiry falls on a normal session by construction. Pure.
 */
export function normalSessionCloseOn(date: IsoDate, rules: readonly SessionRule[] = NSE_FO_SESSION_RULES): IstTime {
  let found: SessionRule | undefined;
  for (const rule of rules) if (compareDates(rule.effectiveFrom, date) <= 0 && (!found || compareDates(rule.effectiveFrom, found.effectiveFrom) > 0)) found = rule;
  if (!found) throw new DomainError('UNKNOWN_DATE', `no session rule covers ${date}`, { date });
  return found.close;
}
