import type { MarketDataPort } from '@mcube/domain';

/** `market` with its method `name` replaced by `override`; every other member passes through (methods bound to `market`). */
export function overridingMarketData<K extends keyof MarketDataPort>(market: MarketDataPort, name: K, override: MarketDataPort[K]): MarketDataPort {
  return new Proxy(market, {
    get(target, prop, receiver) {
      if (prop === name) return override;
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
