import type { Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { TradingStateFields } from '@mcube/contracts';
import type { BrokerAccount } from './entities/broker-account.entity';

/**
 * Each account's EFFECTIVE trading state with its causes, as the account list shows it. The
 * risk module implements it (`TradingStateService`: kill switch, breakers, reconciliation gate)
 * and provides it under `RISK_TRADING_STATES`; the accounts module owns the port so that it
 * does not import the risk module (which reads accounts).
 */
export interface AccountTradingStates {
  ofMany(accounts: readonly BrokerAccount[]): Promise<Map<number, TradingStateFields>>;
}

/** Token under which the risk module provides its `AccountTradingStates` implementation. */
export const RISK_TRADING_STATES = Symbol('mcube:risk-trading-states');

/** Token of the trading states the accounts module injects: `RISK_TRADING_STATES`, looked up when first used. */
export const ACCOUNT_TRADING_STATES = Symbol('mcube:account-trading-states');

/**
 * `AccountTradingStates` resolved on first use: the accounts module does not import the risk
 * module, so Nest cannot inject the implementation; it is looked up across the app when accounts
 * are first listed, by then booted. Throws when no module provides `RISK_TRADING_STATES`.
 */
export class LateBoundAccountTradingStates implements AccountTradingStates {
  private target?: AccountTradingStates;

  constructor(private readonly resolve: () => AccountTradingStates) {}

  async ofMany(accounts: readonly BrokerAccount[]): Promise<Map<number, TradingStateFields>> {
    this.target ??= this.resolve();
    return this.target.ofMany(accounts);
  }
}

/** Provides `ACCOUNT_TRADING_STATES` for the accounts module. */
export const accountTradingStatesProvider: Provider = {
  provide: ACCOUNT_TRADING_STATES,
  inject: [ModuleRef],
  useFactory: (ref: ModuleRef): AccountTradingStates => new LateBoundAccountTradingStates(() => ref.get<AccountTradingStates>(RISK_TRADING_STATES, { strict: false })),
};
