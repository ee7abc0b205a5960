import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { EntryLegShape } from '@mcube/domain';
import { POSITIONS_FOR_RISK, RISK_POSITIONS, riskPositionsProvider, type ActivePositionFacts, type RiskPositions } from './risk-positions.port';

const ACTIVE: ActivePositionFacts = { id: 41, entryValuePaise: 2_150_000, realizedPnlPaise: -5_000, unrealizedPnlPaise: 12_000 };
const LEGS: EntryLegShape[] = [
  { instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24_500, optionType: 'CE' }, side: 'SELL', quantity: 75 },
  { instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-08-25', strike: 24_000, optionType: 'PE' }, side: 'SELL', quantity: 75 },
];

/** Answers for account 7 / position 41 only and counts its calls: the late-bound port must reach this instance, found in another module. */
class CountingPositions implements RiskPositions {
  calls = 0;
  async activeOf(accountId: number): Promise<ActivePositionFacts | null> {
    this.calls += 1;
    return accountId === 7 ? ACTIVE : null;
  }
  async openLegShapes(positionId: number): Promise<EntryLegShape[]> {
    this.calls += 1;
    return positionId === 41 ? LEGS : [];
  }
  async markActive(accountId: number): Promise<ActivePositionFacts | null> {
    this.calls += 1;
    return accountId === 7 ? { ...ACTIVE, unrealizedPnlPaise: 9_000 } : null;
  }
}

/** Stands where the positions module stands: provides the implementation without being imported by the consumer's module. */
@Module({ providers: [CountingPositions, { provide: POSITIONS_FOR_RISK, useExisting: CountingPositions }] })
class ProvidingModule {}

/** Stands where the risk module stands: only the late-bound port. */
@Module({ providers: [riskPositionsProvider], exports: [RISK_POSITIONS] })
class ConsumingModule {}

describe('RiskPositions port (risk owns it, positions provides it)', () => {
  it('reaches the implementation another module provides, for each question', async () => {
    const app = await Test.createTestingModule({ imports: [ConsumingModule, ProvidingModule] }).compile();
    const positions = app.get<RiskPositions>(RISK_POSITIONS);
    expect(await positions.activeOf(7)).toEqual(ACTIVE);
    expect(await positions.activeOf(8)).toBeNull();
    expect(await positions.openLegShapes(41)).toEqual(LEGS);
    expect((await positions.markActive(7))?.unrealizedPnlPaise).toBe(9_000);
    expect(app.get(CountingPositions).calls).toBe(4);
    await app.close();
  });

  it('fails the question clearly when no module provides the positions', async () => {
    const app = await Test.createTestingModule({ imports: [ConsumingModule] }).compile();
    const positions = app.get<RiskPositions>(RISK_POSITIONS);
    await expect(positions.activeOf(7)).rejects.toThrow(/mcube:positions-for-risk/);
    await app.close();
  });
});
