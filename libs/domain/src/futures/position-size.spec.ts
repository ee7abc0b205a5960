import { DomainError } from '../errors/domain-error';
import { futuresPositionSize, FuturesPositionSizeInput } from './position-size';

const RUPEE = 100;
const LAKH = 1_00_000 * RUPEE;
const CRORE = 100 * LAKH;
// Price ₹2,500 × 250 units = ₹6,25,000 exposure per lot; 0.5% stop = ₹3,125 risk per lot.
const base: FuturesPositionSizeInput = {
  usableMarginPaise: 30 * LAKH,
  marginPerLotPaise: 1 * LAKH,
  lotSize: 250,
  price: 2500,
  currentExposurePaise: 0,
  allocatedCapitalPaise: 1.2 * CRORE,
};

describe('futuresPositionSize', () => {
  it('is limited by per-trade risk with the ICICI defaults', () => {
    // ₹60,000 / ₹3,125 = 19.2 → 19 lots; margin 30, position 24, total 96, leverage 96.
    const r = futuresPositionSize(base);
    expect(r).toMatchObject({ lots: 19, quantity: 4750, limitedBy: 'RISK', exposurePaise: 19 * 6_25_000 * RUPEE });
    expect(r.riskPaise).toBe(19 * 3_125 * RUPEE);
    expect(r.marginPaise).toBe(19 * LAKH);
    expect(r.lotsAllowedBy).toEqual({ MARGIN: 30, RISK: 19, POSITION_EXPOSURE: 24, TOTAL_EXPOSURE: 96, LEVERAGE: 96 });
  });

  it('takes the risk limit exactly: ₹59,375 allows 19 lots, one paisa less 18', () => {
    expect(futuresPositionSize({ ...base, perTradeRiskPaise: 59_375 * RUPEE }).lots).toBe(19);
    expect(futuresPositionSize({ ...base, perTradeRiskPaise: 59_375 * RUPEE - 1 }).lots).toBe(18);
  });

  it('is limited by margin', () => {
    expect(futuresPositionSize({ ...base, usableMarginPaise: 10 * LAKH })).toMatchObject({ lots: 10, limitedBy: 'MARGIN' });
  });

  it('is limited by the ₹1.5 Cr single-position exposure', () => {
    // ₹1.5 Cr / ₹6.25 L = 24 lots.
    const r = futuresPositionSize({ ...base, usableMarginPaise: 50 * LAKH, perTradeRiskPaise: 2 * LAKH });
    expect(r).toMatchObject({ lots: 24, limitedBy: 'POSITION_EXPOSURE' });
  });

  it('is limited by the ₹6 Cr total exposure given what is already open', () => {
    // ₹6 Cr − ₹5 Cr open = ₹1 Cr room → 16 lots.
    const r = futuresPositionSize({ ...base, usableMarginPaise: 50 * LAKH, perTradeRiskPaise: 2 * LAKH, currentExposurePaise: 5 * CRORE, maxLeverage: 10 });
    expect(r).toMatchObject({ lots: 16, limitedBy: 'TOTAL_EXPOSURE' });
  });

  it('is limited by leverage on a smaller capital', () => {
    // 5 × ₹50 L = ₹2.5 Cr → 40 lots.
    const r = futuresPositionSize({
      ...base,
      usableMarginPaise: 50 * LAKH,
      perTradeRiskPaise: 2 * LAKH,
      maxPositionExposurePaise: 3 * CRORE,
      allocatedCapitalPaise: 50 * LAKH,
    });
    expect(r).toMatchObject({ lots: 40, limitedBy: 'LEVERAGE' });
  });

  it('answers 0 lots with a reason when not one lot fits', () => {
    const r = futuresPositionSize({ ...base, usableMarginPaise: 50_000 * RUPEE });
    expect(r).toMatchObject({ lots: 0, quantity: 0, exposurePaise: 0, riskPaise: 0, limitedBy: 'MARGIN' });
    expect(r.reason).toContain('Cannot trade');
    const full = futuresPositionSize({ ...base, currentExposurePaise: 6 * CRORE });
    expect(full).toMatchObject({ lots: 0, limitedBy: 'TOTAL_EXPOSURE' });
  });

  it('rejects a stop given in percent, a zero price and fractional paise', () => {
    expect(() => futuresPositionSize({ ...base, stopLossPct: 0.5 * 100 })).toThrow(DomainError);
    expect(() => futuresPositionSize({ ...base, price: 0 })).toThrow(DomainError);
    expect(() => futuresPositionSize({ ...base, usableMarginPaise: 1.5 })).toThrow(DomainError);
  });
});
