import { DomainError } from '@mcube/domain';
import { KotakStrangleStrategy, resolveKotakStrangleConfig, type KotakStrangleConfig } from '@mcube/strategy-kotak-strangle';
import type { BacktestStrategy, StrategyFactory, StrategyHost } from './strategy-host';

/** Overrides of the strangle's stored parameters (`resolveKotakStrangleConfig`'s input). */
export type KotakStrangleOverrides = Parameters<typeof resolveKotakStrangleConfig>[0];

// The ONE place the engine meets the strangle library's ports: they are the engine's shapes
// (the two-leg entry is the gateway's `submitEntry`), so each is passed through, except
// `requestExit`: the API stores a strategy's exit so that a restart resumes it and a person or
// the breaker can take it over; a backtest never restarts and has no person, and its breaker
// closes the legs itself, so there is nothing to store.
function strangleDeps(host: StrategyHost): ConstructorParameters<typeof KotakStrangleStrategy>[0] {
  const { orders } = host;
  return {
    market: host.market,
    orders: {
      submit: (command) => orders.submit(command),
      submitEntry: (entry) => orders.submitEntry(entry),
      findEntry: (positionId) => orders.findEntry(positionId),
      orderStatus: (clientOrderId) => orders.orderStatus(clientOrderId),
      cancel: (clientOrderId) => orders.cancel(clientOrderId),
      requestExit: async () => undefined,
    },
    positions: host.positions,
    journal: host.journal,
    alerts: host.alerts,
    clock: host.clock,
    calendar: host.calendar,
  };
}

/**
 * The real `KotakStrangleStrategy` (no second implementation of any rule) on the engine's
 * host, configured from the stored defaults plus `overrides`. Throws DomainError listing every
 * invalid parameter.
 */
export function kotakStrangleFactory(overrides: KotakStrangleOverrides = {}): { factory: StrategyFactory; config: KotakStrangleConfig } {
  const config = resolveKotakStrangleConfig(overrides);
  const factory: StrategyFactory = (host): BacktestStrategy => {
    const strategy = new KotakStrangleStrategy(strangleDeps(host), config);
    return {
      name: 'kotak-strangle',
      parameters: config as unknown as Record<string, unknown>,
      accountId: config.accountId,
      tick: (nowMs) => strategy.onTick(nowMs),
      orderUpdated: (clientOrderId, nowMs) => strategy.onOrderUpdate(clientOrderId, nowMs),
      get busy() {
        return strategy.phase !== 'IDLE';
      },
    };
  };
  return { factory, config };
}

/** The strategies the CLI knows, by name. */
export const STRATEGY_NAMES = ['kotak-strangle'] as const;

/** Throws DomainError for a strategy name the engine does not know. */
export function assertStrategyName(name: string): asserts name is (typeof STRATEGY_NAMES)[number] {
  if (!(STRATEGY_NAMES as readonly string[]).includes(name)) throw new DomainError('INVALID_ARGUMENT', `unknown strategy '${name}': known ${STRATEGY_NAMES.join(', ')}`);
}
