import { createDefaultNseCalendar } from '@mcube/domain';
import { masterWithLotSize } from '../testing/fake-neo-master';
import { neoFixtureText } from '../testing/neo-fixtures';
import { compareMasterWithTables } from './compare-master';
import type { KotakContract, KotakInstrumentMaster } from './kotak-contract';
import { parseFoMaster } from './parse-fo-master';

const calendar = createDefaultNseCalendar();
const FO = neoFixtureText('nse_fo.csv');
const master = (contracts: readonly KotakContract[], date = '2026-08-10'): KotakInstrumentMaster => ({ date, contracts, cash: [] });
const fixture = parseFoMaster(FO).contracts;

describe('master against the dated tables and the calendar', () => {
  it('finds nothing to report when the master agrees (lot 65, Tuesday expiries, freeze 1,800)', () => {
    const result = compareMasterWithTables({ master: master(fixture), calendar });
    expect(result.disagreements).toEqual([]);
    expect(result.unchecked).toEqual([]);
  });

  it('reports a lot-size change with both values, per listed expiry', () => {
    const changed = parseFoMaster(masterWithLotSize(FO, 'NIFTY', 75)).contracts;
    const result = compareMasterWithTables({ master: master(changed), calendar });
    const lots = result.disagreements.filter((d) => d.kind === 'LOT_SIZE');
    expect(lots).toHaveLength(7);
    expect(lots[0]).toEqual({ kind: 'LOT_SIZE', underlying: 'NIFTY', expiry: '2026-08-11', masterLotSize: 75, tableLotSize: 65 });
    expect(result.disagreements.every((d) => d.kind === 'LOT_SIZE')).toBe(true);
  });

  it('reports a near weekly the calendar expects but the master does not list', () => {
    const without = fixture.filter((c) => c.expiry !== '2026-08-18');
    expect(compareMasterWithTables({ master: master(without), calendar }).disagreements).toEqual([{ kind: 'CALENDAR_EXPIRY_NOT_LISTED', underlying: 'NIFTY', expiry: '2026-08-18' }]);
  });

  it('reports an expiry the calendar does not know (a Thursday, as before Sep 2025)', () => {
    const thursday = fixture.map((c) => (c.tradingSymbol === 'NIFTY26AUGFUT' ? { ...c, expiry: '2026-08-27' } : c));
    expect(compareMasterWithTables({ master: master(thursday), calendar }).disagreements).toEqual([{ kind: 'EXPIRY_NOT_IN_CALENDAR', underlying: 'NIFTY', expiry: '2026-08-27' }]);
  });

  it('reports a freeze quantity other than the table’s', () => {
    const freeze = fixture.map((c) => (c.underlying === 'NIFTY' ? { ...c, freezeQuantity: 1755 } : c));
    expect(compareMasterWithTables({ master: master(freeze), calendar }).disagreements).toEqual([{ kind: 'FREEZE_QUANTITY', underlying: 'NIFTY', masterFreezeQuantity: 1755, tableFreezeQuantity: 1800 }]);
  });

  it('leaves expiries past the calendar’s horizon unchecked instead of guessing', () => {
    const far = [...fixture, { ...fixture[0], token: '99999', tradingSymbol: 'NIFTY27JUNFUT', expiry: '2027-06-29' }];
    const result = compareMasterWithTables({ master: master(far), calendar });
    expect(result.disagreements).toEqual([]);
    expect(result.unchecked).toEqual([expect.objectContaining({ underlying: 'NIFTY', expiry: '2027-06-29', why: expect.stringMatching(/CALENDAR_UNCONFIRMED/) })]);
  });

  it('checks other underlyings only against tables that know them', () => {
    const result = compareMasterWithTables({ master: master(fixture), calendar, underlyings: ['BANKNIFTY'], lotSizes: { BANKNIFTY: [{ fromExpiry: '2026-01-01', lotSize: 35 }] } });
    expect(result.disagreements).toContainEqual({ kind: 'LOT_SIZE', underlying: 'BANKNIFTY', expiry: '2026-08-25', masterLotSize: 30, tableLotSize: 35 });
  });
});
