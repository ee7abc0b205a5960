import { STRANGLE_FILTER_DEFAULTS } from '@mcube/domain';
import { KOTAK_STRANGLE_CONFIG_DEFAULTS, validateKotakStrangleConfig, type ConfigFieldError, type KotakStrangleConfig } from '@mcube/strategy-kotak-strangle';

/** Stored parameter names that differ from the strategy's configuration names. */
const RENAMED: Readonly<Record<string, keyof KotakStrangleConfig>> = { instrument: 'underlying' };
const FILTER_KEYS = new Set(Object.keys(STRANGLE_FILTER_DEFAULTS));
const CONFIG_KEYS = new Set(Object.keys(KOTAK_STRANGLE_CONFIG_DEFAULTS));

/** What the account contributes: its id, capital and margin rule (risk limits). */
export interface StrangleAccountFacts {
  readonly accountId: number;
  readonly allocatedCapitalPaise: number;
  /** Fractions (0.40 = 40%); undefined = the strategy defaults. */
  readonly maxMarginUsage?: number;
  readonly firstTradeFraction?: number;
}

/** The configuration, or the field errors that keep the strategy from running. */
export type StrangleConfigOutcome = { ok: true; config: KotakStrangleConfig } | { ok: false; errors: ConfigFieldError[] };

/**
 * The strategy configuration of an account from its stored plan-§3 parameters (the strategies
 * module's `StrangleParametersDto` names: `instrument` → `underlying`, the five filter
 * thresholds → `filters`, the rest by name), its capital and margin rule, and run-time
 * settings the host chooses (`runtime`, e.g. fill timeouts that suit the market clock's
 * speed), over the strategy's defaults; validated with `validateKotakStrangleConfig`.
 * Unknown stored keys are ignored (an older schema version).
 */
export function strangleConfigOf(parameters: Readonly<Record<string, unknown>>, account: StrangleAccountFacts, runtime: Partial<KotakStrangleConfig> = {}): StrangleConfigOutcome {
  const top: Record<string, unknown> = {};
  const filters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parameters)) {
    if (FILTER_KEYS.has(key)) filters[key] = value;
    else if (RENAMED[key]) top[RENAMED[key]] = value;
    else if (CONFIG_KEYS.has(key) && key !== 'accountId' && key !== 'filters') top[key] = value;
  }
  const config = {
    ...KOTAK_STRANGLE_CONFIG_DEFAULTS,
    ...top,
    accountId: String(account.accountId),
    allocatedCapitalPaise: account.allocatedCapitalPaise,
    ...(account.maxMarginUsage !== undefined ? { maxMarginUsage: account.maxMarginUsage } : {}),
    ...(account.firstTradeFraction !== undefined ? { firstTradeFraction: account.firstTradeFraction } : {}),
    ...runtime,
    filters: { ...KOTAK_STRANGLE_CONFIG_DEFAULTS.filters, ...filters },
  } as KotakStrangleConfig;
  const errors = validateKotakStrangleConfig(config);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}
