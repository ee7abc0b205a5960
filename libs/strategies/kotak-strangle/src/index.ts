/**
 * @mcube/strategy-kotak-strangle: the Kotak NIFTY weekly short strangle as a library. It
 * depends only on `@mcube/domain` and talks to the world through the ports in `ports/`.
 */
export * from './config/kotak-strangle.config';
export * from './config/validate-config';
export * from './ports';
export * from './entry/entry-evaluation';
export * from './entry/market-facts';
export * from './entry/select-strikes';
export * from './entry/limit-price';
export * from './entry/evaluate-entry';
export * from './execution/order-commands';
export * from './execution/tracked-order';
export * from './execution/closing-plan';
export * from './execution/entry-attempt';
export * from './monitor/assess-position';
export * from './kotak-strangle.strategy';
export * from './kotak-strangle.snapshot';
