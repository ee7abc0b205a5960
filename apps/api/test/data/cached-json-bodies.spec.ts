import { createHash } from 'crypto';
import type { AccountSummaryResponse, OptionChainResponse, PositionListItemResponse } from '@mcube/contracts';
import { AccountSummaryService } from '../../src/modules/analytics/account-summary/account-summary.service';
import { BrokerAccount } from '../../src/modules/accounts/entities/broker-account.entity';
import { MarketService } from '../../src/modules/data/market/market.service';
import { Position } from '../../src/modules/positions/entities/position.entity';
import { positionFor } from '../db/fixtures';
import { login, type SessionAuth } from '../security/security-app';
import { startDataApp, type DataApp } from './data-app';

/** The weak ETag Express gives a body (`etag` package: byte length in hex, SHA-1 base64 cut to 27). */
function expressWeakEtag(body: Buffer): string {
  return `W/"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64').substring(0, 27)}"`;
}

/**
 * The hot reads (option chain, account summaries, positions) send a body serialized once per
 * cached value (issue 21): the bytes and headers are what `res.json` sends, a new market tick
 * (chain), a write or a new market minute (summaries, positions) gives a new body.
 */
describe('cached JSON bodies of the hot reads', () => {
  let s: DataApp;
  let viewer: SessionAuth;
  const raw = async (path: string, headers: Record<string, string> = {}) => {
    const res = await s.http().get(path).set('cookie', viewer.cookie).set(headers).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    return { status: res.status, body: res.body as Buffer, headers: res.headers as Record<string, string> };
  };
  /** Asserts the response is `value`'s JSON exactly as Express's res.json would send it. */
  const expectJsonOf = (res: { status: number; body: Buffer; headers: Record<string, string> }, value: unknown) => {
    expect(res.status).toBe(200);
    expect(res.body.toString('utf8')).toBe(JSON.stringify(value));
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(res.body.length));
    expect(res.headers.etag).toBe(expressWeakEtag(res.body));
  };

  beforeAll(async () => {
    s = await startDataApp({ date: '2026-03-30', time: '11:00' });
    viewer = await login(s, 'viewer');
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  describe('option chain', () => {
    const path = '/api/market/option-chain?underlying=NIFTY&expiry=2026-04-28';

    it('sends the priced chain as res.json would, the same bytes for the same tick, and 304 on its ETag', async () => {
      const first = await raw(path);
      const priced = await s.app.get(MarketService).optionChain('NIFTY', '2026-04-28');
      expectJsonOf(first, priced);
      expect((JSON.parse(first.body.toString('utf8')) as OptionChainResponse).rows.length).toBeGreaterThan(10);
      const again = await raw(path);
      expect(again.body.equals(first.body)).toBe(true);
      expect(again.headers.etag).toBe(first.headers.etag);
      const notModified = await raw(path, { 'if-none-match': first.headers.etag });
      expect(notModified.status).toBe(304);
      expect(notModified.body.length).toBe(0);
    });

    it('sends a new body after a market tick', async () => {
      const before = await raw(path);
      s.setIst('2026-03-30', '11:05');
      const after = await raw(path);
      const chain = JSON.parse(after.body.toString('utf8')) as OptionChainResponse;
      expect(chain.asOfMs).toBeGreaterThan((JSON.parse(before.body.toString('utf8')) as OptionChainResponse).asOfMs);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expectJsonOf(after, await s.app.get(MarketService).optionChain('NIFTY', '2026-04-28'));
      expect((await raw(path, { 'if-none-match': before.headers.etag })).status).toBe(200);
    });
  });

  describe('account summaries', () => {
    const path = '/api/accounts/summary';

    it('sends the same bytes while nothing changed, and the new value after a write', async () => {
      const first = await raw(path);
      const list = JSON.parse(first.body.toString('utf8')) as AccountSummaryResponse[];
      // The body is the service's cached list (summaries are never served across a market minute: its cache key).
      expectJsonOf(first, await s.app.get(AccountSummaryService).list());
      expect((await raw(path)).body.equals(first.body)).toBe(true);
      const kotak = list.find((a) => a.accountId === s.accounts.kotakId)!;
      await s.dataSource.getRepository(BrokerAccount).update(kotak.accountId, { allocatedCapitalPaise: kotak.allocatedCapitalPaise + 100 });
      const after = await raw(path);
      const changed = (JSON.parse(after.body.toString('utf8')) as AccountSummaryResponse[]).find((a) => a.accountId === kotak.accountId)!;
      expect(changed.allocatedCapitalPaise).toBe(kotak.allocatedCapitalPaise + 100);
      expect(after.headers.etag).not.toBe(first.headers.etag);
      expectJsonOf(after, JSON.parse(after.body.toString('utf8')));
    });
  });

  describe('positions', () => {
    it('sends the same bytes while nothing changed, and the new list after a write', async () => {
      const first = await raw('/api/positions');
      expectJsonOf(first, JSON.parse(first.body.toString('utf8')));
      const count = (JSON.parse(first.body.toString('utf8')) as PositionListItemResponse[]).length;
      expect((await raw('/api/positions')).body.equals(first.body)).toBe(true);
      const saved = await s.dataSource.getRepository(Position).save(positionFor(s.accounts.kotakId));
      const after = await raw('/api/positions');
      const list = JSON.parse(after.body.toString('utf8')) as PositionListItemResponse[];
      expect(list).toHaveLength(count + 1);
      expect(list[0].id).toBe(saved.id);
      expect(after.headers.etag).not.toBe(first.headers.etag);
      expectJsonOf(after, list);
    });
  });
});
