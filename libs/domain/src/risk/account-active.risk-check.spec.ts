import { DomainError } from '../errors/domain-error';
import { accountActiveRiskCheck } from './account-active.risk-check';
import { buildExitIntent, buildOrderIntent, buildRiskContext } from './testing/risk.builders';

describe('accountActiveRiskCheck', () => {
  const inactive = buildRiskContext({ account: { active: false } });

  it('denies an entry on an inactive account', () => {
    expect(accountActiveRiskCheck(buildOrderIntent(), inactive)).toMatchObject({ ok: false, code: 'ACCOUNT_INACTIVE', context: { accountId: 'KOTAK-1' } });
  });

  it('denies averaging on an inactive account', () => {
    expect(accountActiveRiskCheck(buildOrderIntent({ purpose: 'AVERAGE' }), inactive).ok).toBe(false);
  });

  it('lets a reducing exit close positions on an inactive account', () => {
    expect(accountActiveRiskCheck(buildExitIntent(), inactive).ok).toBe(true);
  });

  it('passes on an active account', () => {
    expect(accountActiveRiskCheck(buildOrderIntent(), buildRiskContext()).ok).toBe(true);
  });

  it('throws when the context is for another account', () => {
    expect(() => accountActiveRiskCheck(buildOrderIntent({ accountId: 'OTHER' }), buildRiskContext())).toThrow(DomainError);
    expect(() => accountActiveRiskCheck(buildOrderIntent({ broker: 'ICICI' }), buildRiskContext())).toThrow(DomainError);
  });
});
