import { DECISION_REASON_TEXTS, FILTER_NAME_TEXTS } from './decision-reason-texts';
import { instrumentName } from './instrument-name';
import { filterNameText, reasonText } from './reason-text';
import { RISK_DENIAL_TEXTS } from './risk-reason-texts';

describe('reason texts', () => {
  it.each(Object.entries({ ...RISK_DENIAL_TEXTS, ...DECISION_REASON_TEXTS, ...FILTER_NAME_TEXTS }))('%s reads as words, not as the code', (code, text) => {
    expect(text.length).toBeGreaterThan(8);
    expect(text).not.toContain(code);
    expect(text).not.toMatch(/[A-Z]{2,}_[A-Z]/);
  });

  it.each(Object.entries({ ...RISK_DENIAL_TEXTS, ...DECISION_REASON_TEXTS }))('%s is a full sentence', (_code, text) => {
    expect(text).toMatch(/^[A-Z].*\.$/);
  });

  it('turns MARGIN_EXCEEDS_USABLE into its sentence and FILTER_FAILED:<name> into the filter in words', () => {
    expect(reasonText('MARGIN_EXCEEDS_USABLE')).toBe("The order needs more margin than the account's usable margin allows.");
    expect(reasonText('FILTER_FAILED:MARKET_REGIME')).toBe('Entry filter failed: Market regime (VIX and Bollinger bands).');
    expect(filterNameText('EVENT_CALENDAR')).toBe('Economic events ahead');
  });

  it('has no sentence for an unknown code, a null code or an inherited property name', () => {
    expect(reasonText('SOMETHING_NEW')).toBeNull();
    expect(reasonText(null)).toBeNull();
    expect(reasonText('toString')).toBeNull();
  });
});

describe('instrumentName', () => {
  it('names an option by underlying, expiry day and month, strike and type', () => {
    expect(instrumentName({ underlying: 'NIFTY', expiryDate: '2026-12-08', strike: 26750, optionType: 'CE' }, 2026)).toBe('NIFTY 08 Dec 26750 CE');
  });

  it('names a future FUT and adds the year when it is not the current one', () => {
    expect(instrumentName({ underlying: 'RELIANCE', expiryDate: '2027-01-28', strike: null, optionType: null }, 2026)).toBe('RELIANCE 28 Jan 2027 FUT');
    expect(instrumentName({ underlying: 'NIFTY', expiryDate: '2026-12-29', strike: null, optionType: 'FUT' })).toBe('NIFTY 29 Dec FUT');
  });
});
