/** An account as the notice needs it (`AccountSummaryResponse` has these). */
export interface ModeOfAccount {
  readonly broker: string;
  readonly isPaperTrading: boolean;
}

const SOURCE_WORDS = { sim: "the simulator's", replay: "the historical replay's" } as const;
const BROKER_WORDS: Readonly<Record<string, string>> = { KOTAK: 'Kotak Neo', ICICI: 'ICICI Breeze' };

/**
 * The sentence the status bar shows while an account trades LIVE: every price the console's
 * own market views show (NIFTY, VIX, the market pages, `/ws` ticks, chain snapshots) comes from
 * the configured source (`source` of the market clock), never from a broker, so a trader must
 * not read them as the live account's prices. Null when no account is LIVE (then the SIM/REPLAY
 * badge says it) or before the clock is read.
 */
export function configuredPriceNotice(source: 'sim' | 'replay' | undefined, accounts: readonly ModeOfAccount[]): string | null {
  if (!source) return null;
  const live = [...new Set(accounts.filter((a) => !a.isPaperTrading).map((a) => BROKER_WORDS[a.broker] ?? a.broker))];
  if (live.length === 0) return null;
  return `NIFTY, VIX and the market pages show ${SOURCE_WORDS[source]} prices, not ${live.join(' or ')}'s: LIVE orders, marks and exits are priced on the broker's own quotes.`;
}
