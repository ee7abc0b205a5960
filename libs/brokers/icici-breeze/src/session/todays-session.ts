import type { Clock } from '@mcube/domain';
import { refusedBeforeSending } from '../errors/breeze-error-map';
import { isBreezeSessionOfToday, type BreezeSession, type BreezeSessionSource } from './breeze-session';

/** The day's session from `sessions`, or BrokerError AUTH_EXPIRED (nothing is sent) when there is none or it is from an earlier IST date. */
export async function requireTodaysSession(sessions: BreezeSessionSource, clock: Clock): Promise<BreezeSession> {
  const session = await sessions.current();
  if (!session) throw refusedBeforeSending('AUTH_EXPIRED', "no ICICI session: enter today's API session key", 'NO_SESSION');
  if (!isBreezeSessionOfToday(session, clock.nowMs())) throw refusedBeforeSending('AUTH_EXPIRED', `the ICICI session is from ${session.tradeDate}: enter today's API session key`, 'STALE_SESSION');
  return session;
}
