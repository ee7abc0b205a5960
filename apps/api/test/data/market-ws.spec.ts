import type { AddressInfo } from 'node:net';
import { WS_CLOSE, type WsMessage } from '@mcube/contracts';
import WebSocket from 'ws';
import { ChainSnapshotService } from '../../src/modules/data/snapshots/chain-snapshot.service';
import { MarketGateway } from '../../src/modules/data/ws/market.gateway';
import { TickPublisher } from '../../src/modules/data/ws/tick-publisher.service';
import { login, type SessionAuth } from '../security/security-app';
import { startDataApp, type DataApp } from './data-app';

/** Resolves with the close code of a socket the server closes. */
function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    ws.on('close', (code) => resolve(code));
    ws.on('error', reject);
  });
}

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('market WebSocket /ws', () => {
  let s: DataApp;
  let url: string;
  let trader: SessionAuth;
  const sockets: WebSocket[] = [];
  const open = (headers: Record<string, string> = {}) => {
    const ws = new WebSocket(url, { headers });
    sockets.push(ws);
    return ws;
  };

  beforeAll(async () => {
    s = await startDataApp({ date: '2026-03-30', time: '10:00' });
    await s.app.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(s.app.getHttpServer().address() as AddressInfo).port}/ws`;
    trader = await login(s, 'trader');
  });
  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    await s?.close();
  });

  it('closes a socket without credentials with 4401', async () => {
    expect(await closeCode(open())).toBe(WS_CLOSE.UNAUTHENTICATED);
  });

  it('closes a socket with a forged session cookie with 4401', async () => {
    expect(await closeCode(open({ cookie: `mcube_session=${'A'.repeat(43)}` }))).toBe(WS_CLOSE.UNAUTHENTICATED);
  });

  it('closes a valid session opened from a foreign origin with 4403', async () => {
    expect(await closeCode(open({ cookie: trader.cookie, origin: 'https://evil.example' }))).toBe(WS_CLOSE.FORBIDDEN_ORIGIN);
  });

  it('delivers typed tick events to an authenticated socket, at most one per symbol per second', async () => {
    const gateway = s.app.get(MarketGateway);
    const publisher = s.app.get(TickPublisher);
    const ws = open({ cookie: trader.cookie, origin: url.replace('ws://', 'http://').replace('/ws', '') });
    const received: WsMessage[] = [];
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as WsMessage));
    await until(() => gateway.audience === 1);

    const ticks = () => received.filter((m) => m.event === 'market.tick');
    const clocks = () => received.filter((m) => m.event === 'market.clock');
    expect(await publisher.publishTicks()).toBe(2);
    // Each round also sends the market clock (issue 20 §1: the console's one clock).
    await until(() => ticks().length === 2 && clocks().length === 1);
    expect(clocks()[0].data).toEqual({ nowMs: expect.any(Number), istDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), istTime: expect.stringMatching(/^\d{2}:\d{2}:\d{2}$/), session: expect.stringMatching(/^(PRE_OPEN|OPEN|CLOSED|HOLIDAY)$/), source: 'sim', speed: expect.any(Number), wallMs: expect.any(Number) });
    const nifty = received.find((m) => m.event === 'market.tick' && m.data.symbol === 'NIFTY 50');
    expect(nifty?.data).toEqual({ symbol: 'NIFTY 50', lastPrice: expect.any(Number), change: expect.any(Number), asOfMs: expect.any(Number) });

    s.clock.advance(500);
    expect(await publisher.publishTicks()).toBe(0);
    s.clock.advance(600);
    expect(await publisher.publishTicks()).toBe(2);
    await until(() => ticks().length === 4);
    const [first, last] = [ticks()[1], ticks()[3]];
    if (first.event !== 'market.tick' || last.event !== 'market.tick') throw new Error('expected ticks');
    expect(last.data.asOfMs).toBeGreaterThan(first.data.asOfMs);

    // The 1 s timer fired 10 ms early: the symbols are still published, not skipped for a second.
    s.clock.advance(990);
    expect(await publisher.publishTicks()).toBe(2);
    await until(() => ticks().length === 6);
  });

  it('pushes a chain summary after the chain snapshot', async () => {
    const ws = sockets[sockets.length - 1];
    const chains: WsMessage[] = [];
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as WsMessage;
      if (m.event === 'market.chain') chains.push(m);
    });
    await s.app.get(ChainSnapshotService).run();
    await until(() => chains.length === 1);
    expect(chains[0].data).toEqual({ underlying: 'NIFTY', expiry: '2026-03-30', pcr: expect.any(Number), maxPain: expect.any(Number), asOfMs: expect.any(Number) });
  });

  it('stops sending to a socket once it has closed', async () => {
    const gateway = s.app.get(MarketGateway);
    sockets[sockets.length - 1].close();
    await until(() => gateway.audience === 0);
    expect(await s.app.get(TickPublisher).publishTicks()).toBe(0);
  });
});
