/** How failed deliveries are retried: attempts in all, first delay, longest delay (a provider's retry_after may exceed it). */
export interface AlertRetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** DI token of the policy (tests shorten it). */
export const ALERT_RETRY_POLICY = Symbol('mcube:alert-retry-policy');

/** 5 attempts over about a minute: 2 s, 4 s, 8 s, 16 s (more when the provider asks for it). */
export const DEFAULT_ALERT_RETRY_POLICY: AlertRetryPolicy = { maxAttempts: 5, baseDelayMs: 2000, maxDelayMs: 60_000 };
