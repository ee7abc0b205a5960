import type { BreezeBar } from '../parse/breeze-raw.types';
import { historyChunks, toPriceBars } from './breeze-history';
import { CallPacer } from './call-pacer';

const candle = (date: string, time: string, close: number, volume = 10, openInterest?: number): BreezeBar => ({ date, time, open: close - 1, high: close + 2, low: close - 2, close, volume, openInterest });

describe('historical v2 ranges and bar lengths', () => {
  it('splits a range so that no call asks for more than 1000 candles', () => {
    expect(historyChunks('2026-08-01', '2026-08-06', '1minute')).toEqual([['2026-08-01', '2026-08-02'], ['2026-08-03', '2026-08-04'], ['2026-08-05', '2026-08-06']]);
    expect(historyChunks('2020-01-01', '2026-08-20', '1day')).toHaveLength(3);
    expect(historyChunks('2026-08-20', '2026-08-20', '30minute')).toEqual([['2026-08-20', '2026-08-20']]);
  });

  it('merges 5-minute candles into 15-minute bars anchored at the 09:15 open', () => {
    const bars = toPriceBars([candle('2026-08-20', '09:20:00', 102, 5, 900), candle('2026-08-20', '09:15:00', 101, 10, 1000), candle('2026-08-20', '09:25:00', 99, 7, 950), candle('2026-08-20', '09:30:00', 104, 1, 990)], '15m', '2026-08-20', '2026-08-20');
    expect(bars).toEqual([
      { date: '2026-08-20', time: '09:15', open: 100, high: 104, low: 97, close: 99, volume: 22, openInterest: 950 },
      { date: '2026-08-20', time: '09:30', open: 103, high: 106, low: 102, close: 104, volume: 1, openInterest: 990 },
    ]);
  });

  it('merges 30-minute candles into hours from 09:15; the 15:15 hour is the last half hour', () => {
    const bars = toPriceBars([candle('2026-08-20', '09:15:00', 100), candle('2026-08-20', '09:45:00', 105), candle('2026-08-20', '15:15:00', 110)], '1h', '2026-08-20', '2026-08-20');
    expect(bars.map((b) => [b.time, b.open, b.close])).toEqual([['09:15', 99, 105], ['15:15', 109, 110]]);
  });

  it('daily bars carry no time; duplicates across chunks and dates outside the range are dropped', () => {
    const bars = toPriceBars([candle('2026-08-19', '00:00:00', 100), candle('2026-08-19', '00:00:00', 100), candle('2026-08-21', '00:00:00', 1), candle('2026-08-18', '00:00:00', 99)], '1d', '2026-08-18', '2026-08-20');
    expect(bars.map((b) => [b.date, b.time])).toEqual([['2026-08-18', undefined], ['2026-08-19', undefined]]);
  });
});

describe('CallPacer', () => {
  it('spaces calls at least the interval apart and runs them one at a time', async () => {
    let now = 1000;
    const waits: number[] = [];
    const pacer = new CallPacer(650, () => now, async (ms) => {
      waits.push(ms);
      now += ms;
    });
    const starts: number[] = [];
    await Promise.all([1, 2, 3].map(() => pacer.run(async () => starts.push(now))));
    expect(starts).toEqual([1000, 1650, 2300]);
    expect(waits).toEqual([650, 650]);
  });

  it('a failed call does not stop the next one', async () => {
    const pacer = new CallPacer(0);
    await expect(pacer.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(pacer.run(async () => 7)).resolves.toBe(7);
  });
});
