import { DomainError } from '../errors/domain-error';
import { approvalRiskCheck } from './approval.risk-check';
import { buildIciciOrder, buildIciciRiskContext, buildRiskCheckedOrder, buildRiskContext, RISK_NOW_MS } from './testing/risk.builders';

describe('approvalRiskCheck', () => {
  const icici = buildIciciRiskContext();

  it.each(['ENTRY', 'AVERAGE'] as const)('denies an ICICI %s without approval', (purpose) => {
    const r = approvalRiskCheck(buildIciciOrder({ purpose, approval: undefined }), icici);
    expect(r).toMatchObject({ ok: false, code: 'APPROVAL_REQUIRED', context: { accountId: 'ICICI-1', purpose } });
  });

  it.each(['ENTRY', 'AVERAGE'] as const)('passes an approved ICICI %s', (purpose) => {
    expect(approvalRiskCheck(buildIciciOrder({ purpose }), icici).ok).toBe(true);
  });

  it('does not hold an ICICI exit for a person', () => {
    expect(approvalRiskCheck(buildIciciOrder({ purpose: 'EXIT', reducesPosition: true, approval: undefined }), icici).ok).toBe(true);
  });

  it('denies an approval that names no one', () => {
    expect(approvalRiskCheck(buildIciciOrder({ approval: { approvedBy: '', approvedAt: RISK_NOW_MS } }), icici).ok).toBe(false);
  });

  it('does not ask for approval on the Kotak account', () => {
    expect(approvalRiskCheck(buildRiskCheckedOrder({ approval: undefined }), buildRiskContext()).ok).toBe(true);
  });

  describe('with a maximum approval age of 5 minutes', () => {
    const ctx = buildIciciRiskContext({ limits: { approvalMaxAgeMs: 300_000 } });

    it('passes an approval exactly 5 minutes old', () => {
      expect(approvalRiskCheck(buildIciciOrder({ approval: { approvedBy: 'a', approvedAt: RISK_NOW_MS - 300_000 } }), ctx).ok).toBe(true);
    });

    it('denies an approval 1 ms older than that as stale', () => {
      const r = approvalRiskCheck(buildIciciOrder({ approval: { approvedBy: 'a', approvedAt: RISK_NOW_MS - 300_001 } }), ctx);
      expect(r).toMatchObject({ ok: false, code: 'APPROVAL_REQUIRED', context: { ageMs: 300_001, approvalMaxAgeMs: 300_000 } });
    });

    it('throws for a non-finite approval time', () => {
      expect(() => approvalRiskCheck(buildIciciOrder({ approval: { approvedBy: 'a', approvedAt: Number.NaN } }), ctx)).toThrow(DomainError);
    });
  });
});
