import { DomainError } from '../errors/domain-error';
import { expiryRiskCheck } from './expiry.risk-check';
import { buildExitOrder, buildIciciOrder, buildIciciRiskContext, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

describe('expiryRiskCheck', () => {
  it('denies a strangle entry with 0 days to expiry (minimum 1)', () => {
    const r = expiryRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ expiry: { daysToExpiry: 0 } }));
    expect(r).toMatchObject({ ok: false, code: 'EXPIRY_TOO_NEAR', context: { daysToExpiry: 0, minDaysToExpiry: 1, expiry: '2026-03-17' } });
  });

  it('passes a strangle entry with exactly 1 day to expiry', () => {
    expect(expiryRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ expiry: { daysToExpiry: 1 } })).ok).toBe(true);
  });

  it('applies the futures minimum of 15 days: 14 denied, 15 passes', () => {
    expect(expiryRiskCheck(buildIciciOrder(), buildIciciRiskContext({ expiry: { daysToExpiry: 14 } })).ok).toBe(false);
    expect(expiryRiskCheck(buildIciciOrder(), buildIciciRiskContext({ expiry: { daysToExpiry: 15 } })).ok).toBe(true);
  });

  it('denies averaging into a near-expiry contract', () => {
    expect(expiryRiskCheck(buildIciciOrder({ purpose: 'AVERAGE' }), buildIciciRiskContext({ expiry: { daysToExpiry: 3 } })).ok).toBe(false);
  });

  it('lets an exit out on expiry day', () => {
    expect(expiryRiskCheck(buildExitOrder(), buildRiskContext({ expiry: { daysToExpiry: 0 } })).ok).toBe(true);
  });

  it('throws for a non-finite days-to-expiry', () => {
    expect(() => expiryRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ expiry: { daysToExpiry: Number.NaN } }))).toThrow(DomainError);
  });
});
