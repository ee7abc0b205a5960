import { decodeJData, encodeJData, neoPriceText } from './neo-form';

describe('jData form bodies', () => {
  it('sends one form field jData holding URL-encoded JSON', () => {
    const body = encodeJData({ ts: 'NIFTY26AUG24500CE', pr: '120.5', ig: 'k1&x=y' });
    expect(body.startsWith('jData=')).toBe(true);
    expect(body).not.toContain('&x=');
    expect(new URLSearchParams(body).get('jData')).toBe('{"ts":"NIFTY26AUG24500CE","pr":"120.5","ig":"k1&x=y"}');
    expect(decodeJData(body)).toEqual({ ts: 'NIFTY26AUG24500CE', pr: '120.5', ig: 'k1&x=y' });
  });

  it('refuses a value that is not a string (Kotak wants every value as text)', () => {
    expect(() => encodeJData({ qt: 65 as unknown as string })).toThrow(/qt must be a string/);
  });

  it('reads nothing from a body that is not a jData object', () => {
    expect(decodeJData('qt=65')).toBeUndefined();
    expect(decodeJData('jData=%5B1%5D')).toBeUndefined();
    expect(decodeJData('jData=%7Bnot json')).toBeUndefined();
  });

  it.each([
    [0, '0'],
    [5, '0.05'],
    [50, '0.5'],
    [12050, '120.5'],
    [12055, '120.55'],
    [2450000, '24500'],
  ])('writes %i paise as %s (never 0.0, never binary noise)', (paise, text) => {
    expect(neoPriceText(paise)).toBe(text);
  });

  it('refuses fractional or negative paise', () => {
    expect(() => neoPriceText(0.5)).toThrow(RangeError);
    expect(() => neoPriceText(-5)).toThrow(RangeError);
  });
});
