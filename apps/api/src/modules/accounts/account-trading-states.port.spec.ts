import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { TradingStateFields } from '@mcube/contracts';
import { ACCOUNT_TRADING_STATES, accountTradingStatesProvider, RISK_TRADING_STATES, type AccountTradingStates } from './account-trading-states.port';
import type { BrokerAccount } from './entities/broker-account.entity';

const HALTED: TradingStateFields = { tradingState: 'HALTED', tradingStateCauses: ['KILL_SWITCH_HALTED'], killSwitch: { state: 'HALTED', setByRole: 'admin', setBy: 'ops' } };

/** Counts its calls: the late-bound port must reach this instance, found in another module. */
class CountingStates implements AccountTradingStates {
  calls = 0;
  async ofMany(accounts: readonly BrokerAccount[]): Promise<Map<number, TradingStateFields>> {
    this.calls += 1;
    return new Map(accounts.map((a) => [a.id, HALTED]));
  }
}

/** Stands where the risk module stands: provides the implementation without being imported by the consumer's module. */
@Module({ providers: [CountingStates, { provide: RISK_TRADING_STATES, useExisting: CountingStates }] })
class ProvidingModule {}

/** Stands where the accounts module stands: only the late-bound port. */
@Module({ providers: [accountTradingStatesProvider], exports: [ACCOUNT_TRADING_STATES] })
class ConsumingModule {}

const account = { id: 7 } as BrokerAccount;

describe('AccountTradingStates port (accounts owns it, risk provides it)', () => {
  it('reaches the implementation another module provides, on every call', async () => {
    const app = await Test.createTestingModule({ imports: [ConsumingModule, ProvidingModule] }).compile();
    const states = app.get<AccountTradingStates>(ACCOUNT_TRADING_STATES);
    expect((await states.ofMany([account])).get(7)).toEqual(HALTED);
    await states.ofMany([account]);
    expect(app.get(CountingStates).calls).toBe(2);
    await app.close();
  });

  it('fails the listing when no module provides the trading states', async () => {
    const app = await Test.createTestingModule({ imports: [ConsumingModule] }).compile();
    const states = app.get<AccountTradingStates>(ACCOUNT_TRADING_STATES);
    await expect(states.ofMany([account])).rejects.toThrow(/mcube:risk-trading-states/);
    await app.close();
  });
});
