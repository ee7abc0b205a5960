/**
 * @mcube/strategy-icici-futures: the ICICI directional futures strategy as a library (plan §3,
 * §6; DECISIONS.md §1). It depends only on `@mcube/domain` (and the `trading-signals`
 * indicators) and talks to the world through the ports in `ports/`.
 */
export * from './config/icici-futures.config';
export * from './config/validate-config';
export * from './ports';
export * from './universe/sector-map.data';
export * from './universe/select-universe';
export * from './signals/technicals';
export * from './signals/oi-signal';
export * from './screen/screen-report';
export * from './screen/evaluate-candidate';
export * from './screen/screen-futures';
export * from './plan/prices';
export * from './plan/trade-plan';
export * from './plan/averaging-plan';
export * from './plan/risk-levels';
export * from './entry/trade-idea';
export * from './entry/evaluate-entry';
export * from './entry/validate-candidates';
export * from './entry/approval-requests';
export * from './monitor/assess-position';
export * from './execution/working-order';
export * from './execution/futures-snapshot';
export type { DayMarksSnapshot } from './execution/day-marks';
export * from './adapters/market-data-futures-source';
export * from './icici-futures.strategy';
