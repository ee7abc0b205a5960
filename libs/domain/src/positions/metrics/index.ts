export * from './metrics-leg';
export * from './expiry-payoff';
export * from './probability-of-profit';
export * from './net-greeks';
export * from './next-exit-rule';
export * from './position-metrics';
