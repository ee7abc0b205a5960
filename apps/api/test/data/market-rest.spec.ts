import type { HistoryResponse, ImportRejectedResponse, OptionChainResponse, QuotesResponse } from '@mcube/contracts';
import { AuditLogEntity } from '../../src/modules/core/entities/audit-log.entity';
import { MarketData } from '../../src/modules/data/entities/market-data.entity';
import { OptionChainRow } from '../../src/modules/data/entities/option-chain.entity';
import { epochMsOfIst } from '@mcube/domain';
import { login, type SessionAuth } from '../security/security-app';
import { startDataApp, type DataApp } from './data-app';

/** Expiry payout to option holders if NIFTY settles at `level` (brute force, for max pain). */
function payout(chain: OptionChainResponse, level: number): number {
  return chain.rows.reduce((sum, r) => sum + (r.call?.openInterest ?? 0) * Math.max(level - r.strike, 0) + (r.put?.openInterest ?? 0) * Math.max(r.strike - level, 0), 0);
}

describe('market REST', () => {
  let s: DataApp;
  let viewer: SessionAuth;
  let trader: SessionAuth;
  const get = (path: string, who: SessionAuth = viewer) => s.http().get(path).set('cookie', who.cookie);
  const write = (method: 'post' | 'put' | 'delete', path: string, who: SessionAuth = trader) => s.http()[method](path).set('cookie', who.cookie).set('x-csrf-token', who.csrfToken);

  beforeAll(async () => {
    s = await startDataApp({ date: '2026-03-30', time: '11:00' });
    viewer = await login(s, 'viewer');
    trader = await login(s, 'trader');
  });
  afterAll(async () => {
    await s?.close();
  });

  describe('quotes, VIX, cues, expiries', () => {
    it('serves quotes in the order asked, with change from the previous close', async () => {
      const res = await get('/api/market/quotes?symbols=INDIA%20VIX,NIFTY%2050').expect(200);
      const body = res.body as QuotesResponse;
      expect(body.quotes.map((q) => q.symbol)).toEqual(['INDIA VIX', 'NIFTY 50']);
      for (const q of body.quotes) {
        expect(q.lastPrice).toBeGreaterThan(0);
        expect(q.previousClose).not.toBeNull();
        expect(q.change).toBeCloseTo(q.lastPrice - (q.previousClose as number), 2);
        expect(q.asOfMs).toBeLessThanOrEqual(s.clock.nowMs());
      }
    });

    it('answers 404 for an unknown symbol and 400 without symbols', async () => {
      expect((await get('/api/market/quotes?symbols=NOSUCHTHING')).status).toBe(404);
      const bad = await get('/api/market/quotes');
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });

    it('serves India VIX, global cues and the listed NIFTY expiries', async () => {
      const vix = (await get('/api/market/vix').expect(200)).body;
      expect(vix.value).toBeGreaterThan(5);
      expect(vix.value).toBeLessThan(80);
      const cues = (await get('/api/market/global-cues').expect(200)).body;
      expect(cues.indices.map((i: { name: string }) => i.name)).toEqual(['NASDAQ', 'DOW JONES']);
      const exp = (await get('/api/market/expiries?underlying=NIFTY').expect(200)).body;
      expect(exp.weekly.slice(0, 3)).toEqual(['2026-03-30', '2026-04-07', '2026-04-13']);
      expect(exp.monthly).toEqual(['2026-03-30', '2026-04-28', '2026-05-26']);
      expect((await get('/api/market/expiries?underlying=BANKNIFTY')).status).toBe(400);
    });
  });

  describe('option chain', () => {
    let chain: OptionChainResponse;
    beforeAll(async () => {
      chain = (await get('/api/market/option-chain?underlying=NIFTY&expiry=2026-04-28').expect(200)).body;
    });

    it('lists every strike with price, OI, OI change, IV and greeks', () => {
      expect(chain.expiry).toBe('2026-04-28');
      expect(chain.rows.length).toBeGreaterThan(50);
      const strikes = chain.rows.map((r) => r.strike);
      expect(strikes).toEqual([...strikes].sort((a, b) => a - b));
      const atm = chain.rows.reduce((best, r) => (Math.abs(r.strike - chain.spot) < Math.abs(best.strike - chain.spot) ? r : best));
      for (const side of [atm.call, atm.put]) {
        expect(side).not.toBeNull();
        expect(side?.iv).toBeGreaterThan(0.03);
        expect(side?.iv).toBeLessThan(1);
        expect(side?.gamma).toBeGreaterThan(0);
        expect(side?.vega).toBeGreaterThan(0);
        expect(side?.theta).toBeLessThan(0);
        expect(side?.openInterest).not.toBeNull();
        expect(side?.openInterestChange).not.toBeUndefined();
      }
      expect(atm.call?.delta).toBeGreaterThan(0.3);
      expect(atm.put?.delta).toBeLessThan(-0.3);
    });

    it('summarises the ATM strike, IV, straddle, 1σ expected move and the near-month future with its basis', () => {
      const { summary } = chain;
      const atm = chain.rows.find((r) => r.strike === summary.atmStrike)!;
      expect(Math.abs(atm.strike - chain.spot)).toBeLessThanOrEqual(Math.min(...chain.rows.map((r) => Math.abs(r.strike - chain.spot))));
      expect(summary.atmIv).toBeCloseTo((atm.call!.iv! + atm.put!.iv!) / 2, 4);
      expect(summary.straddlePrice).toBeCloseTo(atm.call!.lastPrice + atm.put!.lastPrice, 2);
      expect(summary.expectedMovePoints).toBeGreaterThan(0);
      expect(summary.expectedMovePct).toBeCloseTo((100 * summary.expectedMovePoints!) / chain.spot, 1);
      expect(summary.futures).toMatchObject({ expiry: '2026-03-30' });
      expect(summary.futures!.basis).toBeCloseTo(summary.futures!.price - chain.spot, 0);
      expect(summary.ivHistoryDays).toBe(0);
      expect(summary.ivPercentile).toBeNull();
    });

    it('ranks the ATM IV against the ATM IV of each stored past day', async () => {
      const atmIv = chain.summary.atmIv!;
      // Four past days: two below today's ATM IV, two above → 50th percentile.
      const days: [string, number][] = [['2026-03-23', atmIv - 0.02], ['2026-03-24', atmIv - 0.01], ['2026-03-25', atmIv + 0.01], ['2026-03-26', atmIv + 0.02]];
      const rows = days.flatMap(([date, iv]) =>
        (['CE', 'PE'] as const).map((optionType) => ({ underlying: 'NIFTY', expiryDate: '2026-04-28', strike: 22_500, optionType, snapshotAt: new Date(epochMsOfIst(date, '15:25')), underlyingPrice: 22_510, iv, openInterest: 0, volume: 0, source: 'MODELLED' })),
      );
      // A far-from-the-money strike of the same snapshot does not count.
      rows.push({ ...rows[0], strike: 23_500, iv: 0.9 });
      await s.dataSource.getRepository(OptionChainRow).insert(rows as Partial<OptionChainRow>[]);
      const again = (await get('/api/market/option-chain?underlying=NIFTY&expiry=2026-04-28').expect(200)).body as OptionChainResponse;
      expect(again.summary.ivHistoryDays).toBe(4);
      expect(again.summary.ivPercentile).toBe(50);
    });

    it('computes PCR from the OI totals and max pain as the strike of least holder payout', () => {
      const callOi = chain.rows.reduce((s, r) => s + (r.call?.openInterest ?? 0), 0);
      const putOi = chain.rows.reduce((s, r) => s + (r.put?.openInterest ?? 0), 0);
      expect(chain.totalCallOi).toBe(callOi);
      expect(chain.totalPutOi).toBe(putOi);
      expect(chain.pcr).toBeCloseTo(putOi / callOi, 6);
      const least = Math.min(...chain.rows.map((r) => payout(chain, r.strike)));
      expect(payout(chain, chain.maxPain as number)).toBe(least);
    });

    it('defaults to the nearest expiry, and refuses a bad or unlisted one', async () => {
      expect((await get('/api/market/option-chain').expect(200)).body.expiry).toBe('2026-03-30');
      expect((await get('/api/market/option-chain?expiry=30-03-2026')).status).toBe(400);
      expect((await get('/api/market/option-chain?expiry=2026-04-29')).status).toBe(404);
    });
  });

  describe('history', () => {
    it('serves the source bars between two IST dates, oldest first', async () => {
      const res = await get('/api/market/history?symbol=NIFTY%2050&interval=1d&from=2026-03-16&to=2026-03-27').expect(200);
      const body = res.body as HistoryResponse;
      expect(body.source).toBe('market');
      expect(body.bars.length).toBeGreaterThanOrEqual(8);
      expect(body.bars[body.bars.length - 1].date).toBe('2026-03-27');
      for (const b of body.bars) expect(b.high).toBeGreaterThanOrEqual(Math.max(b.open, b.close));
    });

    it('refuses a reversed range, an impossible date and an over-long intraday span', async () => {
      expect((await get('/api/market/history?symbol=NIFTY%2050&interval=1d&from=2026-03-27&to=2026-03-16')).status).toBe(400);
      expect((await get('/api/market/history?symbol=NIFTY%2050&interval=1d&from=2026-02-30&to=2026-03-16')).status).toBe(400);
      expect((await get('/api/market/history?symbol=NIFTY%2050&interval=1m&from=2025-01-01&to=2026-03-16')).status).toBe(400);
      expect((await get('/api/market/history?symbol=NIFTY%2050&interval=2m&from=2026-03-01&to=2026-03-16')).status).toBe(400);
    });
  });

  describe('CSV import', () => {
    const good = 'date,open,high,low,close,volume\n2024-01-03,210.5,215,209.75,214,1000\n2024-01-02,200,212,199,210.5,900\n';
    const countBars = () => s.dataSource.getRepository(MarketData).count({ where: { symbol: 'MYSTOCK' } });

    it('rejects a file with bad rows, listing each line and reason, and writes nothing', async () => {
      const csv = 'date,open,high,low,close,volume\n2024-01-02,200,212,199,210.5,900\n2024-01-03,210,205,209,214,1000\n2024-13-01,1,1,1,1,1\n2024-01-02,200,212,199,210.5,900\n';
      const res = await write('post', '/api/market/import').send({ symbol: 'MYSTOCK', interval: '1d', csv });
      expect(res.status).toBe(422);
      const body = res.body as ImportRejectedResponse;
      expect(body.code).toBe('IMPORT_REJECTED');
      expect(body.errors.map((e) => e.line)).toEqual([3, 4, 5]);
      expect(body.errors.every((e) => typeof e.reason === 'string' && e.reason.length > 0)).toBe(true);
      expect(await countBars()).toBe(0);
    });

    it('imports a good file (trader), serves it as history and audits it', async () => {
      const res = await write('post', '/api/market/import').send({ symbol: 'mystock', interval: '1d', csv: good }).expect(201);
      expect(res.body).toEqual({ symbol: 'MYSTOCK', interval: '1d', imported: 2, replaced: 0, from: '2024-01-02', to: '2024-01-03' });
      const hist = (await get('/api/market/history?symbol=MYSTOCK&interval=1d&from=2024-01-01&to=2024-01-31').expect(200)).body as HistoryResponse;
      expect(hist.source).toBe('import');
      expect(hist.bars).toEqual([
        { date: '2024-01-02', open: 200, high: 212, low: 199, close: 210.5, volume: 900 },
        { date: '2024-01-03', open: 210.5, high: 215, low: 209.75, close: 214, volume: 1000 },
      ]);
      const audit = await s.dataSource.getRepository(AuditLogEntity).findOneBy({ action: 'market-history.import' });
      expect(audit?.actor).toBe('trader');
    });

    it('replaces bars of the same start on a second import', async () => {
      const res = await write('post', '/api/market/import').send({ symbol: 'MYSTOCK', interval: '1d', csv: 'date,open,high,low,close\n2024-01-03,211,216,210,215\n2024-01-04,215,217,214,216\n' }).expect(201);
      expect(res.body).toMatchObject({ imported: 2, replaced: 1 });
      expect(await countBars()).toBe(3);
    });

    it('imports intraday IST bars with a datetime column', async () => {
      const csv = 'datetime,open,high,low,close,volume\n2024-01-02 09:15,200,201,199.5,200.5,10\n2024-01-02 09:20,200.5,202,200,201,12\n';
      await write('post', '/api/market/import').send({ symbol: 'MYSTOCK', interval: '5m', csv }).expect(201);
      const hist = (await get('/api/market/history?symbol=MYSTOCK&interval=5m&from=2024-01-02&to=2024-01-02').expect(200)).body as HistoryResponse;
      expect(hist.bars.map((b) => b.time)).toEqual(['09:15', '09:20']);
    });

    it('refuses the import to a viewer', async () => {
      const res = await write('post', '/api/market/import', viewer).send({ symbol: 'OTHER', interval: '1d', csv: good });
      expect(res.status).toBe(403);
    });
  });

  describe('events', () => {
    let id: number;

    it('creates an event (trader), validated, and lists it by date range', async () => {
      const res = await write('post', '/api/events').send({ title: 'RBI monetary policy decision', importance: 'HIGH', eventDate: '2026-04-08', eventTime: '10:00' }).expect(201);
      id = res.body.id;
      expect(res.body).toEqual({ id, title: 'RBI monetary policy decision', importance: 'HIGH', eventDate: '2026-04-08', eventTime: '10:00', country: 'IN', category: null, description: null, source: 'user' });
      const list = (await get('/api/events?from=2026-04-01&to=2026-04-30').expect(200)).body;
      expect(list.map((e: { id: number }) => e.id)).toEqual([id]);
      expect((await get('/api/events?from=2026-05-01').expect(200)).body).toEqual([]);
    });

    it('refuses invalid events with 400 naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ title: 'Budget', importance: 'CRITICAL', eventDate: '2026-02-01' }, 'importance'],
        [{ title: 'Budget', importance: 'HIGH', eventDate: '01-02-2026' }, 'eventDate'],
        [{ title: 'Budget', importance: 'HIGH', eventDate: '2026-02-30' }, 'eventDate'],
        [{ title: 'ab', importance: 'HIGH', eventDate: '2026-02-01' }, 'title'],
        [{ title: 'x'.repeat(201), importance: 'HIGH', eventDate: '2026-02-01' }, 'title'],
        [{ title: 'Budget \u202e', importance: 'HIGH', eventDate: '2026-02-01' }, 'title'],
        [{ title: 'Budget', importance: 'HIGH', eventDate: '2026-02-01', eventTime: '25:00' }, 'eventTime'],
      ];
      for (const [body, field] of cases) {
        const res = await write('post', '/api/events').send(body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(([] as string[]).concat(res.body.message).join(' ')).toContain(field);
      }
    });

    it('refuses a second event with the same title on the same date (409)', async () => {
      const res = await write('post', '/api/events').send({ title: 'RBI monetary policy decision', importance: 'MEDIUM', eventDate: '2026-04-08' });
      expect(res.status).toBe(409);
    });

    it('edits and deletes an event, each change audited with old and new values', async () => {
      const put = await write('put', `/api/events/${id}`).send({ importance: 'MEDIUM', eventTime: null }).expect(200);
      expect(put.body).toMatchObject({ id, importance: 'MEDIUM', eventTime: null, title: 'RBI monetary policy decision' });
      expect((await write('put', `/api/events/${id}`).send({})).status).toBe(400);
      expect((await write('put', `/api/events/${id}`).send({ title: null })).status).toBe(400);
      expect((await write('put', '/api/events/99999').send({ importance: 'LOW' })).status).toBe(404);
      await write('delete', `/api/events/${id}`).expect(204);
      expect((await write('delete', `/api/events/${id}`)).status).toBe(404);
      const audit = await s.dataSource.getRepository(AuditLogEntity).find({ where: { entity: 'economic_event', entityId: String(id) }, order: { id: 'ASC' } });
      expect(audit.map((a) => a.action)).toEqual(['economic-event.create', 'economic-event.update', 'economic-event.delete']);
      expect(JSON.parse(audit[1].oldValue ?? '{}')).toMatchObject({ importance: 'HIGH', eventTime: '10:00' });
      expect(JSON.parse(audit[1].newValue ?? '{}')).toMatchObject({ importance: 'MEDIUM', eventTime: null });
      expect(audit.every((a) => a.actor === 'trader')).toBe(true);
    });

    it('refuses event writes to a viewer', async () => {
      const res = await write('post', '/api/events', viewer).send({ title: 'US CPI', importance: 'MEDIUM', eventDate: '2026-04-10' });
      expect(res.status).toBe(403);
    });
  });
});
