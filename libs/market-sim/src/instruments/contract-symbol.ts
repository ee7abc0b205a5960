// The contract key lives in the domain (the API names backtest legs with it); re-exported here for the simulator's users.
export { contractSymbol, parseContractSymbol } from '@mcube/domain';
