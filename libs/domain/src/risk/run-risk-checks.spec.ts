import type { RiskCheck } from './risk-check-result';
import { RISK_OK, riskDenied } from './risk-check-result';
import { DEFAULT_RISK_CHECKS, runRiskChecks } from './run-risk-checks';
import {
  buildExitOrder,
  buildIciciOrder,
  buildIciciRiskContext,
  buildRiskCheckedOrder,
  buildRiskContext,
} from './testing/risk.builders';

describe('runRiskChecks', () => {
  it('passes a valid Kotak strangle entry and a valid approved ICICI futures entry', () => {
    expect(runRiskChecks(buildRiskCheckedOrder(), buildRiskContext())).toEqual({ ok: true, denials: [] });
    expect(runRiskChecks(buildIciciOrder(), buildIciciRiskContext()).ok).toBe(true);
  });

  describe('HALTED denies everything', () => {
    const halted = buildRiskContext({ tradingState: 'HALTED' });
    it.each([
      ['an entry', buildRiskCheckedOrder()],
      ['a reducing exit', buildExitOrder()],
      ['a reducing adjustment', buildExitOrder({ purpose: 'ADJUST' })],
      ['averaging', buildRiskCheckedOrder({ purpose: 'AVERAGE' })],
    ])('%s', (_, intent) => {
      const report = runRiskChecks(intent, halted);
      expect(report.ok).toBe(false);
      expect(report.firstDenial?.code).toBe('TRADING_HALTED');
    });
  });

  describe('REDUCING allows only reducing orders', () => {
    const reducing = buildRiskContext({ tradingState: 'REDUCING' });
    it('denies an entry', () => {
      expect(runRiskChecks(buildRiskCheckedOrder(), reducing).firstDenial?.code).toBe('REDUCING_ONLY');
    });
    it('denies averaging', () => {
      expect(runRiskChecks(buildRiskCheckedOrder({ purpose: 'AVERAGE' }), reducing).firstDenial?.code).toBe('REDUCING_ONLY');
    });
    it('allows a reducing exit', () => {
      expect(runRiskChecks(buildExitOrder(), reducing).ok).toBe(true);
    });
  });

  describe('an EXIT still goes out when loss limits are breached and past the calendar horizon', () => {
    const ctx = buildRiskContext({
      pnl: { todayPaise: -20_000_001, weekPaise: -50_000_001, equityPaise: 4_000_000_000 },
      breakerTripped: true,
      account: { active: false },
      margins: { usablePaise: 0, availablePaise: 0 },
      activePositionExists: true,
      activePositionId: 'pos-1',
      calendar: { dateConfirmed: false, expiryConfirmed: false },
    });

    it('passes the exit', () => {
      expect(runRiskChecks(buildExitOrder(), ctx)).toEqual({ ok: true, denials: [] });
    });

    it('denies an entry with every broken rule, in the documented order', () => {
      const report = runRiskChecks(buildRiskCheckedOrder(), ctx);
      expect(report.denials.map((d) => d.code)).toEqual([
        'ACCOUNT_INACTIVE',
        'CIRCUIT_BREAKER_TRIPPED',
        'CALENDAR_UNCONFIRMED',
        'ACTIVE_POSITION_EXISTS',
        'DAILY_LOSS_LIMIT_BREACHED',
        'WEEKLY_LOSS_LIMIT_BREACHED',
        'MAX_DRAWDOWN_BREACHED',
        'MARGIN_EXCEEDS_USABLE',
      ]);
      expect(report.firstDenial).toBe(report.denials[0]);
    });

    it('denies an entry on the daily limit alone, one paisa over', () => {
      const only = buildRiskContext({ pnl: { todayPaise: -20_000_001 } });
      expect(runRiskChecks(buildRiskCheckedOrder(), only).denials.map((d) => d.code)).toEqual(['DAILY_LOSS_LIMIT_BREACHED']);
      expect(runRiskChecks(buildRiskCheckedOrder(), buildRiskContext({ pnl: { todayPaise: -20_000_000 } })).ok).toBe(true);
    });
  });

  it('denies an exit outside market hours or with a bad price (rules that hold for every order)', () => {
    const codes = runRiskChecks(buildExitOrder({ limitPrice: 120.51, quantity: 64 }), buildRiskContext({ withinSession: false })).denials.map((d) => d.code);
    expect(codes).toEqual(['OUTSIDE_MARKET_HOURS', 'INVALID_LOT_MULTIPLE', 'PRICE_NOT_ON_TICK']);
  });

  it('requires approval for ICICI ENTRY and AVERAGE but not for EXIT', () => {
    const ctx = buildIciciRiskContext({ activePositionExists: true });
    expect(runRiskChecks(buildIciciOrder({ approval: undefined }), buildIciciRiskContext()).firstDenial?.code).toBe('APPROVAL_REQUIRED');
    expect(runRiskChecks(buildIciciOrder({ purpose: 'AVERAGE', approval: undefined }), ctx).firstDenial?.code).toBe('APPROVAL_REQUIRED');
    expect(runRiskChecks(buildIciciOrder({ purpose: 'EXIT', side: 'SELL', reducesPosition: true, approval: undefined }), ctx).ok).toBe(true);
  });

  it('runs a custom list of checks in the given order', () => {
    const a: RiskCheck = () => riskDenied('INVALID_QUANTITY', 'a', {});
    const b: RiskCheck = () => RISK_OK;
    const c: RiskCheck = () => riskDenied('PRICE_NOT_ON_TICK', 'c', {});
    const report = runRiskChecks(buildRiskCheckedOrder(), buildRiskContext(), [c, b, a]);
    expect(report.denials.map((d) => d.message)).toEqual(['c', 'a']);
  });

  it('returns the same frozen report for every pass (nothing allocated on the hot path)', () => {
    const r1 = runRiskChecks(buildRiskCheckedOrder(), buildRiskContext());
    const r2 = runRiskChecks(buildRiskCheckedOrder(), buildRiskContext());
    expect(r1).toBe(r2);
    expect(Object.isFrozen(r1)).toBe(true);
  });

  it('has 24 default checks, each a distinct function', () => {
    expect(new Set(DEFAULT_RISK_CHECKS).size).toBe(24);
    expect(DEFAULT_RISK_CHECKS).toHaveLength(24);
  });
});
