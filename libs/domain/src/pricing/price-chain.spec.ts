import { DomainError } from '../errors/domain-error';
import { blackScholes } from './black-scholes';
import { impliedVolatility } from './implied-volatility';
import { ChainQuote, priceChain } from './price-chain';

const market = { spot: 22150, years: 6 / 365, rate: 0.065 };

function smileChain(): ChainQuote[] {
  const quotes: ChainQuote[] = [];
  for (let k = 0; k < 300; k++) {
    const strike = 14700 + 50 * k;
    const vol = 0.12 + 0.4 * Math.log(strike / market.spot) ** 2;
    for (const type of ['CE', 'PE'] as const) {
      quotes.push({ strike, type, price: blackScholes({ ...market, strike, vol, type }).price });
    }
  }
  return quotes;
}

describe('priceChain', () => {
  it('gives each quote the same IV and greeks as the single-option functions', () => {
    const quotes = smileChain();
    const rows = priceChain({ ...market, options: quotes });
    expect(rows).toHaveLength(600);
    let priced = 0;
    rows.forEach((row, i) => {
      expect(row.strike).toBe(quotes[i].strike);
      expect(row.type).toBe(quotes[i].type);
      // Six days out, far strikes have a time value that rounds to nothing.
      if (row.status !== 'OK') return expect(row.status).toBe('NO_TIME_VALUE');
      priced++;
      const iv = impliedVolatility({ ...market, ...quotes[i] });
      expect(row.iv).toBe(iv);
      expect(row.greeks).toEqual(blackScholes({ ...market, strike: row.strike, type: row.type, vol: iv }));
    });
    expect(priced).toBeGreaterThan(150);
  });

  it('reports quotes outside the no-arbitrage bounds as row statuses instead of throwing', () => {
    const rows = priceChain({
      ...market,
      options: [
        { strike: 22000, type: 'CE', price: 1 }, // below intrinsic (≈ 173)
        { strike: 22000, type: 'CE', price: 22150 }, // at the cap
        { strike: 30000, type: 'CE', price: 0 }, // worthless far out of the money: no time value
        { strike: 22000, type: 'PE', price: 60 },
      ],
    });
    expect(rows.map((r) => r.status)).toEqual(['BELOW_INTRINSIC', 'AT_OR_ABOVE_CAP', 'NO_TIME_VALUE', 'OK']);
    expect(rows[0].iv).toBeNull();
    expect(rows[0].greeks).toBeNull();
    expect(rows[3].iv).toBeGreaterThan(0);
  });

  it('names the offending quote when one is malformed', () => {
    const call = () => priceChain({ ...market, options: [{ strike: 22000, type: 'CE', price: 10 }, { strike: 0, type: 'PE', price: 10 }] });
    expect(call).toThrow(DomainError);
    expect(call).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', context: expect.objectContaining({ index: 1 }) }));
    expect(() => priceChain({ ...market, years: 0, options: [] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
