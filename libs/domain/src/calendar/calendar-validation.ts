import { DomainError } from '../errors/domain-error';
import { assertIsoDate, compareDates, compareTimes, type IsoDate } from '../time/ist-date';
import type { ExpiryRule, ExpiryRuleTable, SessionRule, SessionWindow, SpecialSession, SpecialSessionTable } from './calendar.types';

/** Throws INVALID_TIME / INVALID_ARGUMENT unless `w` is a window with open < close. */
export function assertSessionWindow(what: string, w: SessionWindow): void {
  if (!w || typeof w !== 'object') throw new DomainError('INVALID_ARGUMENT', `${what} must be { open, close }`, { what });
  if (compareTimes(w.open, w.close) >= 0) {
    throw new DomainError('INVALID_ARGUMENT', `${what}: open ${w.open} must be before close ${w.close}`, { what, ...w });
  }
}

/** The set of `dates`, each checked to be a real 'YYYY-MM-DD' date (INVALID_DATE otherwise). */
export function toDateSet(name: string, dates: readonly IsoDate[] | undefined): Set<IsoDate> {
  if (dates !== undefined && !Array.isArray(dates)) throw new DomainError('INVALID_ARGUMENT', `${name} must be a list of dates`);
  return new Set((dates ?? []).map((d) => assertIsoDate(d)));
}

/** Checks session rules (valid dates and windows, strictly ascending) and returns a copy. Throws on any defect. */
export function validateSessionRules(rules: readonly SessionRule[]): SessionRule[] {
  if (!Array.isArray(rules) || rules.length === 0) throw new DomainError('INVALID_ARGUMENT', 'sessions must list at least one rule');
  rules.forEach((r, i) => {
    assertIsoDate(r.effectiveFrom);
    assertSessionWindow(`session rule from ${r.effectiveFrom}`, r);
    if (r.preOpen !== null) assertSessionWindow(`pre-open from ${r.effectiveFrom}`, r.preOpen);
    if (i > 0 && compareDates(rules[i - 1].effectiveFrom, r.effectiveFrom) >= 0) {
      throw new DomainError('INVALID_ARGUMENT', `session rules must be in strictly ascending effectiveFrom order (at ${r.effectiveFrom})`);
    }
  });
  return [...rules];
}

/** Checks every special session (date key, window, kind, segments inside the window); returns them as a Map. */
export function validateSpecialSessions(table: SpecialSessionTable): Map<IsoDate, SpecialSession> {
  if (!table || typeof table !== 'object') throw new DomainError('INVALID_ARGUMENT', 'specialSessions must be a date → session table');
  const out = new Map<IsoDate, SpecialSession>();
  for (const [date, s] of Object.entries(table)) {
    assertIsoDate(date);
    assertSessionWindow(`special session ${date}`, s);
    if (s.kind !== 'SPECIAL' && s.kind !== 'MUHURAT') {
      throw new DomainError('INVALID_ARGUMENT', `special session ${date}: kind must be SPECIAL or MUHURAT, got ${String(s.kind)}`);
    }
    for (const seg of s.segments ?? []) {
      assertSessionWindow(`segment of special session ${date}`, seg);
      if (compareTimes(seg.open, s.open) < 0 || compareTimes(seg.close, s.close) > 0) {
        throw new DomainError('INVALID_ARGUMENT', `special session ${date}: segment ${seg.open}-${seg.close} lies outside ${s.open}-${s.close}`);
      }
    }
    out.set(date, s);
  }
  return out;
}

function assertExpiryRule(underlying: string, r: ExpiryRule): void {
  assertIsoDate(r.effectiveFrom);
  if (![1, 2, 3, 4, 5].includes(r.weekday)) {
    throw new DomainError('INVALID_ARGUMENT', `${underlying} expiry rule from ${r.effectiveFrom}: weekday must be 1..5, got ${String(r.weekday)}`);
  }
  if (typeof r.weekly !== 'boolean') throw new DomainError('INVALID_ARGUMENT', `${underlying} expiry rule from ${r.effectiveFrom}: weekly must be true or false`);
}

/** Checks every underlying's expiry rules (valid, non-empty, strictly ascending) and returns a copy. */
export function validateExpiryRules(table: ExpiryRuleTable): Map<string, readonly ExpiryRule[]> {
  if (!table || typeof table !== 'object') throw new DomainError('INVALID_ARGUMENT', 'expiryRules must be an underlying → rules table');
  const out = new Map<string, readonly ExpiryRule[]>();
  for (const [underlying, rules] of Object.entries(table)) {
    if (!Array.isArray(rules) || rules.length === 0) throw new DomainError('INVALID_ARGUMENT', `${underlying}: expiry rules must not be empty`);
    rules.forEach((r, i) => {
      assertExpiryRule(underlying, r);
      if (i > 0 && compareDates(rules[i - 1].effectiveFrom, r.effectiveFrom) >= 0) {
        throw new DomainError('INVALID_ARGUMENT', `${underlying}: expiry rules must be in strictly ascending effectiveFrom order`);
      }
    });
    out.set(underlying, [...rules]);
  }
  return out;
}
