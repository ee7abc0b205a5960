/** The two strategies of the plan (§3): the Kotak NIFTY strangle and the ICICI futures (the contract's union, one source). */
export type { StrategyType } from '@mcube/contracts';
