import { rupees } from '../money/paise';
import { buildExitIntent, buildIciciIntent, buildOrderIntent } from '../risk/testing/risk.builders';
import { entryCommandOf, orderCommandOf } from './order-command';

describe('orderCommandOf', () => {
  it('carries the order as the strategy built it, its estimates as caller figures, and what the host gives', () => {
    const intent = buildIciciIntent({ accountId: '7', positionId: 'strategy-own-id' });
    expect(orderCommandOf(intent, { positionId: 42, strategyType: 'LLM_VALIDATED_FUTURES', idempotencyKey: 'k-1' })).toEqual({
      accountId: 7,
      segment: 'NFO-FUT',
      instrument: { underlying: 'RELIANCE', kind: 'FUT', expiry: '2026-03-31' },
      side: 'BUY',
      quantity: 500,
      orderType: 'LIMIT',
      limitPrice: 2900,
      purpose: 'ENTRY',
      positionId: 42,
      strategyType: 'LLM_VALIDATED_FUTURES',
      approval: intent.approval,
      callerFigures: { marginPaise: rupees(2_90_000), riskPaise: rupees(7_250), exposurePaise: rupees(14_50_000) },
      idempotencyKey: 'k-1',
    });
  });

  it("never carries the strategy's own position id: only the one the host maps it to", () => {
    expect(orderCommandOf(buildOrderIntent({ positionId: 'ks-1' }), {}).positionId).toBeUndefined();
  });

  it('gives an EXIT no caller figures (it only reduces) and a MARKET order without a price the price 0', () => {
    const command = orderCommandOf(buildExitIntent({ accountId: '3', orderType: 'MARKET', limitPrice: undefined }), { positionId: 9 });
    expect(command.callerFigures).toBeUndefined();
    expect(command.limitPrice).toBe(0);
    expect(command.purpose).toBe('EXIT');
  });
});

describe('entryCommandOf', () => {
  it('makes one command of every leg, the caller figures summed over the legs', () => {
    const ce = buildOrderIntent({ accountId: '5' });
    const pe = buildOrderIntent({ accountId: '5', instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 22500, optionType: 'PE' }, limitPrice: 98.25, estimatedMarginPaise: rupees(1), estimatedRiskPaise: rupees(2), estimatedExposurePaise: rupees(3) });
    const entry = entryCommandOf([ce, pe], { strategyType: 'WEEKLY_NIFTY_STRANGLE', idempotencyKey: 'ks:p:ENTRY' });
    expect(entry.accountId).toBe(5);
    expect(entry.legs.map((l) => [l.instrument.optionType, l.side, l.quantity, l.orderType, l.limitPrice])).toEqual([
      ['CE', 'SELL', 650, 'LIMIT', 120.5],
      ['PE', 'SELL', 650, 'LIMIT', 98.25],
    ]);
    expect(entry.callerFigures).toEqual({
      marginPaise: ce.estimatedMarginPaise + rupees(1),
      riskPaise: ce.estimatedRiskPaise + rupees(2),
      exposurePaise: ce.estimatedExposurePaise + rupees(3),
    });
    expect(entry).toMatchObject({ strategyType: 'WEEKLY_NIFTY_STRANGLE', idempotencyKey: 'ks:p:ENTRY' });
  });
});
