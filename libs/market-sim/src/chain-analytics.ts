/** Chain analytics moved to the domain (issue 13: pure, for the API, the simulator and the backtest alike); re-exported for existing importers. */
export { analyzeChain, maxPainStrike, type ChainAnalytics } from '@mcube/domain';
