/** An ICICI account's day session as the bot shows it (never the key or the token). */
export interface IciciSessionView {
  readonly accountId: number;
  /** ICICI's login page for the account's app key; absent when the credentials are incomplete. */
  readonly loginUrl?: string;
  readonly today: string;
  readonly hasSessionToday: boolean;
  /** Log-safe: masked user id and date. */
  readonly session?: string;
  readonly problem?: string;
}

/**
 * The ICICI day session as the Telegram bot sees it (the orders module's `IciciSessionService`,
 * the same one the console's PUT …/icici-session runs): `enter` exchanges the key through ICICI,
 * stores it sealed and audits it, and throws an `AppException` with a readable message on a
 * refusal (DOMAIN_RULE_VIOLATED) or when ICICI cannot be reached (SERVICE_UNAVAILABLE).
 */
export interface IciciSessionPort {
  status(accountId: number): Promise<IciciSessionView>;
  enter(accountId: number, apiSessionKey: string): Promise<IciciSessionView>;
}

/** DI token of the ICICI day-session port the bot uses. */
export const ICICI_SESSION_PORT = Symbol('mcube:icici-session-port');
