import { buildExitOrder, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';
import { tradingStateRiskCheck } from './trading-state.risk-check';

describe('tradingStateRiskCheck', () => {
  it('denies an entry when HALTED', () => {
    expect(tradingStateRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ tradingState: 'HALTED' }))).toMatchObject({ ok: false, code: 'TRADING_HALTED' });
  });

  it('denies even a reducing exit when HALTED', () => {
    expect(tradingStateRiskCheck(buildExitOrder(), buildRiskContext({ tradingState: 'HALTED' }))).toMatchObject({ ok: false, code: 'TRADING_HALTED' });
  });

  it('denies an entry when REDUCING, with the purpose in the context', () => {
    const r = tradingStateRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ tradingState: 'REDUCING' }));
    expect(r).toMatchObject({ ok: false, code: 'REDUCING_ONLY', context: { tradingState: 'REDUCING', purpose: 'ENTRY' } });
  });

  it('allows a reducing exit when REDUCING', () => {
    expect(tradingStateRiskCheck(buildExitOrder(), buildRiskContext({ tradingState: 'REDUCING' })).ok).toBe(true);
  });

  it('denies an exit that would not reduce a position when REDUCING', () => {
    const r = tradingStateRiskCheck(buildExitOrder({ reducesPosition: false }), buildRiskContext({ tradingState: 'REDUCING' }));
    expect(r).toMatchObject({ ok: false, code: 'REDUCING_ONLY' });
  });

  it('allows everything when ACTIVE', () => {
    expect(tradingStateRiskCheck(buildRiskCheckedOrder(), buildRiskContext()).ok).toBe(true);
  });
});
