import { calendarConfirmedRiskCheck } from './calendar-confirmed.risk-check';
import { buildExitOrder, buildIciciOrder, buildIciciRiskContext, buildRiskCheckedOrder, buildRiskContext } from './testing/risk.builders';

describe('calendarConfirmedRiskCheck', () => {
  it('passes a new entry on a confirmed day into a confirmed expiry', () => {
    expect(calendarConfirmedRiskCheck(buildRiskCheckedOrder(), buildRiskContext()).ok).toBe(true);
  });

  it('refuses a new entry on a day past the horizon with CALENDAR_UNCONFIRMED', () => {
    const r = calendarConfirmedRiskCheck(buildRiskCheckedOrder(), buildRiskContext({ date: '2027-03-02', calendar: { dateConfirmed: false, expiryConfirmed: false } }));
    expect(r).toMatchObject({ ok: false, code: 'CALENDAR_UNCONFIRMED', context: { date: '2027-03-02', dateConfirmed: false, horizon: '2026-12-31' } });
  });

  it('refuses a new entry into a contract whose expiry is only assumed, even on a confirmed day', () => {
    const r = calendarConfirmedRiskCheck(buildIciciOrder(), buildIciciRiskContext({ calendar: { expiryConfirmed: false } }));
    expect(r).toMatchObject({ ok: false, code: 'CALENDAR_UNCONFIRMED', context: { dateConfirmed: true, expiryConfirmed: false } });
    expect(calendarConfirmedRiskCheck(buildIciciOrder({ purpose: 'AVERAGE' }), buildIciciRiskContext({ calendar: { expiryConfirmed: false } })).ok).toBe(false);
  });

  it('never refuses an exit or a reduction, whatever the calendar knows', () => {
    const unknown = buildRiskContext({ calendar: { dateConfirmed: false, expiryConfirmed: false, horizon: null } });
    expect(calendarConfirmedRiskCheck(buildExitOrder(), unknown).ok).toBe(true);
    expect(calendarConfirmedRiskCheck(buildExitOrder({ purpose: 'ADJUST' }), unknown).ok).toBe(true);
  });

  it('refuses an EXIT-labelled order that does not reduce a position (it would add risk)', () => {
    const unknown = buildRiskContext({ calendar: { dateConfirmed: false } });
    expect(calendarConfirmedRiskCheck(buildRiskCheckedOrder({ purpose: 'EXIT', reducesPosition: false }), unknown).ok).toBe(false);
  });
});
