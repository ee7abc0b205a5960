import type { KotakStrangleConfig } from '@mcube/strategy-kotak-strangle';

/**
 * Injection token of run-time settings the host lays over every account's strangle
 * configuration (not stored parameters): the order fill timeouts, which must leave the order
 * sync time to report fills at the market clock's speed. `StrategiesModule` gives
 * `strangleRuntimeSettingsFor(speed)`; tests that build the runner pass their own.
 */
export const STRANGLE_RUNTIME_SETTINGS = Symbol('mcube:strangle-runtime-settings');

/** The settings of `STRANGLE_RUNTIME_SETTINGS`. */
export type StrangleRuntimeSettings = Partial<Pick<KotakStrangleConfig, 'legFillTimeoutMs' | 'closeOrderTimeoutMs' | 'monitorIntervalMs' | 'holdJournalIntervalMs'>>;
