import type { TradingStateFields } from '../trading/trading-state.response';

export const BROKER_CODES = ['KOTAK', 'ICICI'] as const;
export type BrokerCode = (typeof BROKER_CODES)[number];

/** A stored credential field, masked (values never leave the server): that it is set, and when. */
export interface CredentialFieldResponse {
  field: string;
  masked: string;
  updatedAt: string;
}

/** GET /api/accounts item: no secret, only whether credentials are stored and which fields (masked); its EFFECTIVE trading state with causes. */
export interface AccountResponse extends TradingStateFields {
  id: number;
  broker: BrokerCode;
  accountNumber: string;
  name: string;
  allocatedCapitalPaise: number;
  isActive: boolean;
  isPaperTrading: boolean;
  hasCredentials: boolean;
  requiredCredentialFields: string[];
  credentialFields: CredentialFieldResponse[];
}

/** POST /api/admin/credentials/re-encrypt: how many stored values were re-sealed, and with which key. */
export interface CredentialsReEncryptResponse {
  reEncrypted: number;
  keyId: string;
}

/** GET/PUT /api/accounts/:id/icici-session: the account's day session (never the key or the token). */
export interface IciciSessionResponse {
  accountId: number;
  /** ICICI's login page for the account's app key; absent when the credentials are incomplete. */
  loginUrl?: string;
  /** IST date. */
  today: string;
  /** Whether a session of today is stored. */
  hasSessionToday: boolean;
  /** Log-safe: masked user id and date. */
  session?: string;
  /** Why `loginUrl` is missing, if it is. */
  problem?: string;
}

export const ACCOUNT_MODES = ['PAPER', 'LIVE'] as const;
export type AccountMode = (typeof ACCOUNT_MODES)[number];

export const LIVE_MODE_CHECK_NAMES = ['LIVE_TRADING_ENABLED', 'BROKER_SUPPORTED', 'ACCOUNT_ACTIVE', 'CREDENTIALS', 'LOGIN_TODAY', 'MASTER_TODAY', 'JOURNAL_FLAT', 'BROKER_RECONCILED', 'CONFIRMATION'] as const;
export type LiveModeCheckName = (typeof LIVE_MODE_CHECK_NAMES)[number];

/** One condition of going live, met or not, in words an admin can act on. */
export interface LiveModeCheckResponse {
  name: LiveModeCheckName;
  ok: boolean;
  detail: string;
  /** A machine-readable reason of a failed check (ICICI_SESSION_MISSING: no day session key entered). */
  code?: string;
}

/** GET /api/accounts/:id/live-mode and PUT /api/accounts/:id/mode: the mode, the words to type, and every check. */
export interface LiveModeResponse {
  accountId: number;
  mode: AccountMode;
  /** The words to type to confirm a switch to LIVE. */
  confirmationText: string;
  checks: LiveModeCheckResponse[];
}
