import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { PositionUpdatedEvent } from '@mcube/contracts';
import type { EntityManager } from 'typeorm';
import { LateBoundPositionLedger, ORDERS_POSITION_LEDGER, POSITION_LEDGER, positionLedgerProvider, type ActiveLeg, type PositionFill, type PositionFillFacts, type PositionLedger, type PositionOrderFacts, type PositionReservation } from './position-ledger.port';

/** Stands for the caller's transaction: the port must hand this very manager on. */
const MANAGER = { name: 'the caller transaction' } as unknown as EntityManager;
const LEG: ActiveLeg = { underlying: 'NIFTY', expiryDate: '2026-08-25', strike: 24_500, instrumentType: 'CE', tradingSymbol: 'NIFTY26AUG24500CE', side: 'SELL', quantity: 75 };

/** Records each call (name, manager, arguments) and answers from fixed values: the late-bound port must reach this instance, found in another module. */
class RecordingLedger implements PositionLedger {
  readonly oneActivePositionIndex = 'uq_test_one_active';
  readonly calls: { name: string; manager: EntityManager; args: unknown[] }[] = [];

  private record<T>(name: string, manager: EntityManager, args: unknown[], answer: T): Promise<T> {
    this.calls.push({ name, manager, args });
    return Promise.resolve(answer);
  }
  reservePositionRow(m: EntityManager, r: PositionReservation): Promise<number> {
    return this.record('reservePositionRow', m, [r], 41);
  }
  closePositionIfFlat(m: EntityManager, positionId: number, atMs: number, reason: string, orders: PositionOrderFacts): Promise<boolean> {
    return this.record('closePositionIfFlat', m, [positionId, atMs, reason, orders], true);
  }
  applyFillToPosition(m: EntityManager, fill: PositionFill, nowMs: number, facts: PositionFillFacts): Promise<void> {
    return this.record('applyFillToPosition', m, [fill, nowMs, facts], undefined);
  }
  positionUpdatedOf(m: EntityManager, positionId: number, nowMs: number): Promise<PositionUpdatedEvent | null> {
    return this.record('positionUpdatedOf', m, [positionId, nowMs], null);
  }
  openLegOf(m: EntityManager, positionId: number, tradingSymbol: string): Promise<{ side: 'BUY' | 'SELL'; quantity: number } | null> {
    return this.record('openLegOf', m, [positionId, tradingSymbol], { side: 'SELL', quantity: 75 });
  }
  accountOfPosition(m: EntityManager, positionId: number): Promise<number | undefined> {
    return this.record('accountOfPosition', m, [positionId], 7);
  }
  activePositionCount(m: EntityManager, accountId: number): Promise<number> {
    return this.record('activePositionCount', m, [accountId], 1);
  }
  legsOfActivePositions(m: EntityManager, accountId: number): Promise<ActiveLeg[]> {
    return this.record('legsOfActivePositions', m, [accountId], [LEG]);
  }
}

/** Stands where the positions module stands: provides the implementation without being imported by the consumer's module. */
@Module({ providers: [RecordingLedger, { provide: POSITION_LEDGER, useExisting: RecordingLedger }] })
class ProvidingModule {}

/** Stands where the orders module stands: only the late-bound port. */
@Module({ providers: [positionLedgerProvider], exports: [ORDERS_POSITION_LEDGER] })
class ConsumingModule {}

describe('PositionLedger port (orders owns it, positions provides it)', () => {
  it('reaches the implementation another module provides, for every call, with the caller manager and arguments', async () => {
    const app = await Test.createTestingModule({ imports: [ConsumingModule, ProvidingModule] }).compile();
    const ledger = app.get<PositionLedger>(ORDERS_POSITION_LEDGER);
    const reservation: PositionReservation = { accountId: 7, strategyType: 'WEEKLY_NIFTY_STRANGLE', direction: 'NEUTRAL', underlying: 'NIFTY', expiryDate: '2026-08-25', marginPaise: 1, exposurePaise: 2, atMs: 3 };
    const orders: PositionOrderFacts = { hasLiveOrders: async () => false, chargesPaise: async () => 0 };
    expect(ledger.oneActivePositionIndex).toBe('uq_test_one_active');
    expect(await ledger.reservePositionRow(MANAGER, reservation)).toBe(41);
    expect(await ledger.closePositionIfFlat(MANAGER, 41, 5, 'ENTRY_NOT_FILLED', orders)).toBe(true);
    expect(await ledger.positionUpdatedOf(MANAGER, 41, 6)).toBeNull();
    expect(await ledger.openLegOf(MANAGER, 41, 'NIFTY26AUG24500CE')).toEqual({ side: 'SELL', quantity: 75 });
    expect(await ledger.accountOfPosition(MANAGER, 41)).toBe(7);
    expect(await ledger.activePositionCount(MANAGER, 7)).toBe(1);
    expect(await ledger.legsOfActivePositions(MANAGER, 7)).toEqual([LEG]);
    const calls = app.get(RecordingLedger).calls;
    expect(calls.map((c) => c.name)).toEqual(['reservePositionRow', 'closePositionIfFlat', 'positionUpdatedOf', 'openLegOf', 'accountOfPosition', 'activePositionCount', 'legsOfActivePositions']);
    expect(calls.every((c) => c.manager === MANAGER)).toBe(true);
    expect(calls[0].args).toEqual([reservation]);
    expect(calls[1].args).toEqual([41, 5, 'ENTRY_NOT_FILLED', orders]);
    expect(calls[3].args).toEqual([41, 'NIFTY26AUG24500CE']);
    await app.close();
  });

  it('looks the implementation up once, on first use (not per order)', async () => {
    const resolve = jest.fn(() => new RecordingLedger());
    const ledger = new LateBoundPositionLedger(resolve);
    expect(resolve).not.toHaveBeenCalled();
    expect(await ledger.activePositionCount(MANAGER, 7)).toBe(1);
    expect(await ledger.openLegOf(MANAGER, 41, 'NIFTY26AUG24500CE')).toEqual({ side: 'SELL', quantity: 75 });
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('fails the call clearly when no module provides the ledger', async () => {
    const app = await Test.createTestingModule({ imports: [ConsumingModule] }).compile();
    const ledger = app.get<PositionLedger>(ORDERS_POSITION_LEDGER);
    expect(() => ledger.activePositionCount(MANAGER, 7)).toThrow(/mcube:position-ledger/);
    await app.close();
  });
});
