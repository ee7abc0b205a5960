import { onePositionRiskCheck } from './one-position.risk-check';
import { buildExitOrder, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

describe('onePositionRiskCheck', () => {
  const holding = buildRiskContext({ activePositionExists: true, activePositionId: 'pos-1' });

  it('denies a second entry while a position is active', () => {
    expect(onePositionRiskCheck(buildRiskCheckedOrder(), holding)).toMatchObject({ ok: false, code: 'ACTIVE_POSITION_EXISTS', context: { activePositionId: 'pos-1' } });
  });

  it('denies an entry for a different position while one is active', () => {
    expect(onePositionRiskCheck(buildRiskCheckedOrder({ positionId: 'pos-2' }), holding).ok).toBe(false);
  });

  it('lets the second leg of the same strangle entry through', () => {
    expect(onePositionRiskCheck(buildRiskCheckedOrder({ positionId: 'pos-1', instrument: { underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 22500, optionType: 'PE' } }), holding).ok).toBe(true);
  });

  it('allows averaging and exits on the active position', () => {
    expect(onePositionRiskCheck(buildRiskCheckedOrder({ purpose: 'AVERAGE', positionId: 'pos-1' }), holding).ok).toBe(true);
    expect(onePositionRiskCheck(buildExitOrder(), holding).ok).toBe(true);
  });

  it('allows an entry when flat', () => {
    expect(onePositionRiskCheck(buildRiskCheckedOrder(), buildRiskContext()).ok).toBe(true);
  });

  it('denies a non-reducing AVERAGE or ADJUST that does not name the active position (POSITION_NOT_ACTIVE)', () => {
    for (const purpose of ['AVERAGE', 'ADJUST'] as const) {
      expect(onePositionRiskCheck(buildRiskCheckedOrder({ purpose }), buildRiskContext())).toMatchObject({ ok: false, code: 'POSITION_NOT_ACTIVE' });
      expect(onePositionRiskCheck(buildRiskCheckedOrder({ purpose }), holding)).toMatchObject({ ok: false, code: 'POSITION_NOT_ACTIVE' });
      expect(onePositionRiskCheck(buildRiskCheckedOrder({ purpose, positionId: 'pos-2' }), holding)).toMatchObject({ ok: false, code: 'POSITION_NOT_ACTIVE' });
    }
  });

  it('lets a reducing ADJUST through whatever it names', () => {
    expect(onePositionRiskCheck(buildRiskCheckedOrder({ purpose: 'ADJUST', reducesPosition: true }), buildRiskContext()).ok).toBe(true);
  });
});
