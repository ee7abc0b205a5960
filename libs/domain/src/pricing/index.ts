export type { CallPut } from './call-put';
export { assertCallPut } from './call-put';
export { normalCdf, normalPdf } from './normal-distribution';
export type { BlackScholesInput, OptionGreeks } from './black-scholes';
export { blackScholes } from './black-scholes';
export type { ImpliedVolatilityInput, PremiumBoundsStatus } from './implied-volatility';
export { impliedVolatility } from './implied-volatility';
export type { ChainQuote, ChainRow, PriceChainInput, PricedChainRow, UnpricedChainRow } from './price-chain';
export { priceChain } from './price-chain';
