import { DomainError } from '../errors/domain-error';
import { brokerageFor } from './brokerage.defaults';
import { chargeRatesOn } from './charge-rates';
import { exerciseStt } from './exercise-stt';
import { tradeCharges } from './trade-charges';

const RUPEE = 100;
// 10 lots × 65 NIFTY options at ₹100 premium: turnover ₹65,000.
const OPT_TURNOVER = 65_000 * RUPEE;
// ₹1 crore of futures.
const FUT_TURNOVER = 1_00_00_000 * RUPEE;

describe('tradeCharges: worked examples (computed by hand)', () => {
  it('charges a Kotak options SELL on 2026-08-10', () => {
    // STT 0.15% × ₹65,000 = ₹97.50 → 9,750 paise.
    // NSE 0.03553% × ₹65,000 = ₹23.0945 → 2,309.45 paise → 2,309.
    // SEBI ₹10/crore: ₹65,000 / 1e7 × ₹10 = ₹0.065 → 6.5 paise → 7 (half away from zero).
    // Stamp: none on a sell. Brokerage ₹0 (Kotak Neo).
    // GST 18% × (0 + 2,309 + 7) = 416.88 → 417.
    // Total 9,750 + 2,309 + 7 + 417 = 12,483 paise.
    expect(tradeCharges({ date: '2026-08-10', segment: 'OPT', side: 'SELL', turnoverPaise: OPT_TURNOVER })).toEqual({
      brokeragePaise: 0,
      sttPaise: 9_750,
      exchangePaise: 2_309,
      sebiPaise: 7,
      stampPaise: 0,
      gstPaise: 417,
      totalPaise: 12_483,
    });
  });

  it('charges an ICICI options BUY with ₹20 brokerage on 2026-08-10', () => {
    // STT none on a buy. Stamp 0.003% × ₹65,000 = ₹1.95 → 195 paise.
    // GST 18% × (2,000 + 2,309 + 7 = 4,316) = 776.88 → 777.
    // Total 2,000 + 2,309 + 7 + 195 + 777 = 5,288.
    const brokeragePaise = brokerageFor({ broker: 'ICICI', segment: 'OPT', orders: 1 });
    expect(brokeragePaise).toBe(2_000);
    expect(tradeCharges({ date: '2026-08-10', segment: 'OPT', side: 'BUY', turnoverPaise: OPT_TURNOVER, brokeragePaise })).toEqual({
      brokeragePaise: 2_000,
      sttPaise: 0,
      exchangePaise: 2_309,
      sebiPaise: 7,
      stampPaise: 195,
      gstPaise: 777,
      totalPaise: 5_288,
    });
  });

  it('accepts the brokerage under the name `brokerage` too, and refuses two different amounts', () => {
    const viaAlias = tradeCharges({ date: '2026-08-10', segment: 'OPT', side: 'BUY', turnoverPaise: OPT_TURNOVER, brokerage: 2_000 });
    expect(viaAlias.totalPaise).toBe(5_288);
    expect(() =>
      tradeCharges({ date: '2026-08-10', segment: 'OPT', side: 'BUY', turnoverPaise: OPT_TURNOVER, brokerage: 2_000, brokeragePaise: 0 }),
    ).toThrow(DomainError);
  });

  it('charges ₹1 Cr of futures on each side on 2026-08-10', () => {
    // SELL: STT 0.05% = ₹5,000; NSE 0.00183% = ₹183; SEBI ₹10; GST 18% × ₹193 = ₹34.74.
    const sell = tradeCharges({ date: '2026-08-10', segment: 'FUT', side: 'SELL', turnoverPaise: FUT_TURNOVER });
    expect(sell).toMatchObject({ sttPaise: 5_000 * RUPEE, exchangePaise: 183 * RUPEE, sebiPaise: 10 * RUPEE, stampPaise: 0, gstPaise: 3_474 });
    expect(sell.totalPaise).toBe(5_000 * RUPEE + 183 * RUPEE + 10 * RUPEE + 3_474);
    // BUY: stamp 0.002% = ₹200, no STT.
    const buy = tradeCharges({ date: '2026-08-10', segment: 'FUT', side: 'BUY', turnoverPaise: FUT_TURNOVER });
    expect(buy).toMatchObject({ sttPaise: 0, stampPaise: 200 * RUPEE });
  });
});

describe('tradeCharges: dated STT', () => {
  const sttOn = (date: string, segment: 'OPT' | 'FUT', turnoverPaise: number) =>
    tradeCharges({ date, segment, side: 'SELL', turnoverPaise }).sttPaise;

  it('switches options STT from 0.10% to 0.15% on 2026-04-01', () => {
    expect(sttOn('2026-03-31', 'OPT', OPT_TURNOVER)).toBe(6_500); // ₹65
    expect(sttOn('2026-04-01', 'OPT', OPT_TURNOVER)).toBe(9_750); // ₹97.50
  });

  it('switches futures STT from 0.02% to 0.05% on 2026-04-01', () => {
    expect(sttOn('2026-03-31', 'FUT', FUT_TURNOVER)).toBe(2_000 * RUPEE);
    expect(sttOn('2026-04-01', 'FUT', FUT_TURNOVER)).toBe(5_000 * RUPEE);
  });

  it('switches from 0.0625% / 0.0125% to 0.10% / 0.02% on 2024-10-01', () => {
    // 0.0625% × ₹65,000 = ₹40.625 → 4,062.5 paise → 4,063.
    expect(sttOn('2024-09-30', 'OPT', OPT_TURNOVER)).toBe(4_063);
    expect(sttOn('2024-10-01', 'OPT', OPT_TURNOVER)).toBe(6_500);
    expect(sttOn('2024-09-30', 'FUT', FUT_TURNOVER)).toBe(1_250 * RUPEE);
    expect(sttOn('2024-10-01', 'FUT', FUT_TURNOVER)).toBe(2_000 * RUPEE);
  });

  it('uses 0.05% / 0.01% before 2023-04-01', () => {
    expect(sttOn('2023-03-31', 'OPT', OPT_TURNOVER)).toBe(3_250);
    expect(sttOn('2023-03-31', 'FUT', FUT_TURNOVER)).toBe(1_000 * RUPEE);
  });

  it('applies the flat NSE charge only from 2024-10-01', () => {
    expect(tradeCharges({ date: '2024-10-01', segment: 'FUT', side: 'BUY', turnoverPaise: FUT_TURNOVER }).exchangePaise).toBe(183 * RUPEE);
    expect(chargeRatesOn('2024-09-30').exchange.FUT).not.toEqual(chargeRatesOn('2024-10-01').exchange.FUT);
  });

  it('has no rates before 2016-06-01', () => {
    expect(() => sttOn('2016-05-31', 'OPT', OPT_TURNOVER)).toThrow(expect.objectContaining({ code: 'UNKNOWN_DATE' }));
  });
});

describe('tradeCharges: input checks', () => {
  it('rejects fractional or negative turnover, bad dates and unknown segments', () => {
    expect(() => tradeCharges({ date: '2026-08-10', segment: 'OPT', side: 'SELL', turnoverPaise: 10.5 })).toThrow(DomainError);
    expect(() => tradeCharges({ date: '2026-08-10', segment: 'OPT', side: 'SELL', turnoverPaise: -1 })).toThrow(DomainError);
    expect(() => tradeCharges({ date: '2026-02-30', segment: 'OPT', side: 'SELL', turnoverPaise: 1 })).toThrow(DomainError);
    expect(() => tradeCharges({ date: '2026-08-10', segment: 'EQ' as never, side: 'SELL', turnoverPaise: 1 })).toThrow(DomainError);
  });

  it('accepts an overriding rate table', () => {
    const custom = [{ ...chargeRatesOn('2026-04-01'), effectiveFrom: '2000-01-01', sttSell: { OPT: { num: 1, den: 100 }, FUT: { num: 0, den: 1 } } }];
    expect(tradeCharges({ date: '2001-01-01', segment: 'OPT', side: 'SELL', turnoverPaise: 10_000, rates: custom }).sttPaise).toBe(100);
  });
});

describe('exerciseStt', () => {
  it('charges 0.15% of intrinsic value from 2026-04-01 and 0.125% before', () => {
    // Intrinsic ₹10,000: 0.15% = ₹15; 0.125% = ₹12.50.
    expect(exerciseStt({ date: '2026-04-01', intrinsicValuePaise: 10_000 * RUPEE })).toBe(1_500);
    expect(exerciseStt({ date: '2026-03-31', intrinsicValuePaise: 10_000 * RUPEE })).toBe(1_250);
  });
  it('rejects negative intrinsic value', () => {
    expect(() => exerciseStt({ date: '2026-04-01', intrinsicValuePaise: -1 })).toThrow(DomainError);
  });
});

describe('brokerageFor', () => {
  it('charges nothing at Kotak Neo and ₹20 per ICICI options order, nothing on ICICI futures', () => {
    expect(brokerageFor({ broker: 'KOTAK', segment: 'OPT', orders: 4 })).toBe(0);
    expect(brokerageFor({ broker: 'ICICI', segment: 'OPT', orders: 4 })).toBe(80 * RUPEE);
    expect(brokerageFor({ broker: 'ICICI', segment: 'FUT', orders: 4 })).toBe(0);
  });
  it('uses a configured schedule', () => {
    expect(brokerageFor({ broker: 'KOTAK', segment: 'FUT', orders: 2, schedule: { OPT: 0, FUT: 1_000 } })).toBe(2_000);
  });
});
