import { strikeIntervalFor, tickSize } from '@mcube/domain';
import type { ContractRulesLookup } from '@mcube/brokers-paper';
import { CONTRACT_TERMS } from '../../data/instruments/contract-terms.book';

/** The paper broker's contract terms: the NSE tables, else the instrument master learned in `CONTRACT_TERMS` (stock futures). */
export const paperContractRules: ContractRulesLookup = (instrument, tradeDate) => ({
  lotSize: CONTRACT_TERMS.lotSize(instrument.underlying, instrument.expiry),
  tickSize,
  freezeQuantity: CONTRACT_TERMS.freezeQuantity(instrument.underlying, tradeDate, instrument.expiry),
  ...(instrument.kind === 'OPT' ? { strikeInterval: strikeIntervalFor(instrument.underlying) } : {}),
});
