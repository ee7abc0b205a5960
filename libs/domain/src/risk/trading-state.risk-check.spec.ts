import { buildExitIntent, buildOrderIntent, buildRiskContext } from './testing/risk.builders';
import { tradingStateRiskCheck } from './trading-state.risk-check';

describe('tradingStateRiskCheck', () => {
  it('denies an entry when HALTED', () => {
    expect(tradingStateRiskCheck(buildOrderIntent(), buildRiskContext({ tradingState: 'HALTED' }))).toMatchObject({ ok: false, code: 'TRADING_HALTED' });
  });

  it('denies even a reducing exit when HALTED', () => {
    expect(tradingStateRiskCheck(buildExitIntent(), buildRiskContext({ tradingState: 'HALTED' }))).toMatchObject({ ok: false, code: 'TRADING_HALTED' });
  });

  it('denies an entry when REDUCING, with the purpose in the context', () => {
    const r = tradingStateRiskCheck(buildOrderIntent(), buildRiskContext({ tradingState: 'REDUCING' }));
    expect(r).toMatchObject({ ok: false, code: 'REDUCING_ONLY', context: { tradingState: 'REDUCING', purpose: 'ENTRY' } });
  });

  it('allows a reducing exit when REDUCING', () => {
    expect(tradingStateRiskCheck(buildExitIntent(), buildRiskContext({ tradingState: 'REDUCING' })).ok).toBe(true);
  });

  it('denies an exit that would not reduce a position when REDUCING', () => {
    const r = tradingStateRiskCheck(buildExitIntent({ reducesPosition: false }), buildRiskContext({ tradingState: 'REDUCING' }));
    expect(r).toMatchObject({ ok: false, code: 'REDUCING_ONLY' });
  });

  it('allows everything when ACTIVE', () => {
    expect(tradingStateRiskCheck(buildOrderIntent(), buildRiskContext()).ok).toBe(true);
  });
});
