import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { StrategyType } from '@mcube/contracts';
import { POSITION_STRATEGIES, positionStrategiesProvider, STRATEGY_SETTINGS, type PositionStrategies } from './position-strategies.port';

/** Answers from a table in memory and counts its calls: the late-bound port must reach this instance, found in another module. */
class CountingSettings implements PositionStrategies {
  calls = 0;
  async parametersOf(accountId: number, strategyType: StrategyType): Promise<Record<string, unknown> | null> {
    this.calls += 1;
    return accountId === 7 && strategyType === 'WEEKLY_NIFTY_STRANGLE' ? { stopLossMultiple: 2 } : null;
  }
  async isActive(accountId: number, strategyType: StrategyType): Promise<boolean> {
    this.calls += 1;
    return accountId === 7 && strategyType === 'WEEKLY_NIFTY_STRANGLE';
  }
}

/** Stands where the strategies module stands: provides the implementation without being imported by the consumer's module. */
@Module({ providers: [CountingSettings, { provide: STRATEGY_SETTINGS, useExisting: CountingSettings }] })
class ProvidingModule {}

/** Stands where the positions module stands: only the late-bound port. */
@Module({ providers: [positionStrategiesProvider], exports: [POSITION_STRATEGIES] })
class ConsumingModule {}

describe('PositionStrategies port (positions owns it, strategies provides it)', () => {
  it('reaches the implementation another module provides, for both questions', async () => {
    const app = await Test.createTestingModule({ imports: [ConsumingModule, ProvidingModule] }).compile();
    const strategies = app.get<PositionStrategies>(POSITION_STRATEGIES);
    expect(await strategies.parametersOf(7, 'WEEKLY_NIFTY_STRANGLE')).toEqual({ stopLossMultiple: 2 });
    expect(await strategies.parametersOf(8, 'WEEKLY_NIFTY_STRANGLE')).toBeNull();
    expect(await strategies.isActive(7, 'WEEKLY_NIFTY_STRANGLE')).toBe(true);
    expect(await strategies.isActive(7, 'LLM_VALIDATED_FUTURES')).toBe(false);
    expect(app.get(CountingSettings).calls).toBe(4);
    await app.close();
  });

  it('fails the question clearly when no module provides the strategy settings', async () => {
    const app = await Test.createTestingModule({ imports: [ConsumingModule] }).compile();
    const strategies = app.get<PositionStrategies>(POSITION_STRATEGIES);
    await expect(strategies.isActive(7, 'WEEKLY_NIFTY_STRANGLE')).rejects.toThrow(/mcube:strategy-settings/);
    await app.close();
  });
});
