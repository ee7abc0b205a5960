import { DomainError } from '../errors/domain-error';
import { accountActiveRiskCheck } from './account-active.risk-check';
import { buildExitOrder, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

describe('accountActiveRiskCheck', () => {
  const inactive = buildRiskContext({ account: { active: false } });

  it('denies an entry on an inactive account', () => {
    expect(accountActiveRiskCheck(buildRiskCheckedOrder(), inactive)).toMatchObject({ ok: false, code: 'ACCOUNT_INACTIVE', context: { accountId: 'KOTAK-1' } });
  });

  it('denies averaging on an inactive account', () => {
    expect(accountActiveRiskCheck(buildRiskCheckedOrder({ purpose: 'AVERAGE' }), inactive).ok).toBe(false);
  });

  it('lets a reducing exit close positions on an inactive account', () => {
    expect(accountActiveRiskCheck(buildExitOrder(), inactive).ok).toBe(true);
  });

  it('passes on an active account', () => {
    expect(accountActiveRiskCheck(buildRiskCheckedOrder(), buildRiskContext()).ok).toBe(true);
  });

  it('throws when the context is for another account', () => {
    expect(() => accountActiveRiskCheck(buildRiskCheckedOrder({ accountId: 'OTHER' }), buildRiskContext())).toThrow(DomainError);
    expect(() => accountActiveRiskCheck(buildRiskCheckedOrder({ broker: 'ICICI' }), buildRiskContext())).toThrow(DomainError);
  });
});
