import { marketHoursRiskCheck } from './market-hours.risk-check';
import { buildExitOrder, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

// The calendar decides `withinSession`; these cases mirror its boundaries (09:15:00 open, 15:30:00 closed before 2026-08-03).
describe('marketHoursRiskCheck', () => {
  it.each([
    ['09:14:59', false],
    ['09:15:00', true],
    ['15:29:59', true],
    ['15:30:00', false],
  ])('at %s IST with withinSession=%p', (time, withinSession) => {
    const r = marketHoursRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ time, withinSession }));
    expect(r.ok).toBe(withinSession);
    if (!r.ok) expect(r).toMatchObject({ code: 'OUTSIDE_MARKET_HOURS', context: { date: '2026-03-10', time } });
  });

  it('denies an exit outside the session too: the exchange would refuse it', () => {
    expect(marketHoursRiskCheck(buildExitOrder(), buildRiskContext({ withinSession: false })).ok).toBe(false);
  });
});
