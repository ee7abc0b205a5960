import type { AddressInfo } from 'node:net';
import { WS_CLOSE, type WsMessage } from '@mcube/contracts';
import WebSocket from 'ws';
import { SessionEntity } from '../../src/modules/core/entities/session.entity';
import { UserEntity } from '../../src/modules/core/entities/user.entity';
import { AppEventsBus } from '../../src/modules/core/events/app-events.bus';
import { MarketGateway } from '../../src/modules/data/ws/market.gateway';
import { apiKeyFor, login, SecurityApp, SessionAuth, startSecurityApp } from './security-app';

/** A real `ws` client recording every message (by the sequence number the test put in it) and its close. */
interface Watched {
  ws: WebSocket;
  seen: number[];
  closed: Promise<number>;
  closedAfterSeq: () => number | undefined;
}

async function until(what: string, cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the /ws socket lives no longer than its credential', () => {
  let s: SecurityApp;
  let url: string;
  let gateway: MarketGateway;
  let seq = 0;
  let pump: NodeJS.Timeout;
  const sockets: WebSocket[] = [];

  /** Publishes a tick numbered `seq` (carried as its price) every 20 ms, as the market jobs would. */
  const publish = () => s.app.get(AppEventsBus).publish('market.tick', { symbol: 'NIFTY 50', lastPrice: ++seq, change: null, asOfMs: Date.now() });

  async function watch(headers: Record<string, string>): Promise<Watched> {
    const ws = new WebSocket(url, { headers });
    sockets.push(ws);
    const seen: number[] = [];
    let closedAt: number | undefined;
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as WsMessage;
      if (m.event === 'market.tick') seen.push(m.data.lastPrice);
    });
    const closed = new Promise<number>((resolve) =>
      ws.on('close', (code) => {
        closedAt = seq;
        resolve(code);
      }),
    );
    await until('the socket to receive ticks', () => seen.length >= 3);
    return { ws, seen, closed, closedAfterSeq: () => closedAt };
  }

  /** After `end` resolves, nothing published later reaches the socket, and it is closed with 4401. */
  async function expectEndsWith(w: Watched, end: () => Promise<unknown>): Promise<void> {
    await end();
    const lastPublishedWhenEnded = seq;
    expect(await w.closed).toBe(WS_CLOSE.UNAUTHENTICATED);
    const before = seq;
    await until('more ticks to be published', () => seq >= before + 10);
    expect(w.seen.filter((n) => n > lastPublishedWhenEnded)).toEqual([]);
    expect(w.ws.readyState).toBe(WebSocket.CLOSED);
  }

  const cookieOf = (a: SessionAuth) => ({ cookie: a.cookie });

  beforeAll(async () => {
    s = await startSecurityApp({ env: { WS_SESSION_RECHECK_SECONDS: '1' } });
    await s.app.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(s.app.getHttpServer().address() as AddressInfo).port}/ws`;
    gateway = s.app.get(MarketGateway);
    pump = setInterval(publish, 20);
  });
  afterAll(async () => {
    clearInterval(pump);
    for (const ws of sockets) ws.terminate();
    await s?.close();
  });

  it('closes the socket of a session at logout; it receives nothing published afterwards', async () => {
    const trader = await login(s, 'trader');
    const other = await login(s, 'trader');
    const w = await watch(cookieOf(trader));
    const untouched = await watch(cookieOf(other));
    await expectEndsWith(w, () => s.http().post('/api/auth/logout').set('cookie', trader.cookie).set('x-csrf-token', trader.csrfToken).expect(204));
    // Another session of the same user keeps its socket.
    const count = untouched.seen.length;
    await until('the other session to keep receiving', () => untouched.seen.length > count + 3);
    expect(untouched.ws.readyState).toBe(WebSocket.OPEN);
    untouched.ws.close();
  });

  it('closes every socket of a user who is deactivated, by session and by API key alike', async () => {
    const admin = await login(s, 'admin');
    const trader = await login(s, 'trader');
    const key = await apiKeyFor(s, 'trader');
    const bySession = await watch(cookieOf(trader));
    const byKey = await watch({ 'x-api-key': key });
    await expectEndsWith(bySession, () => s.http().patch(`/api/users/${s.users.trader.id}`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ isActive: false }).expect(200));
    expect(await byKey.closed).toBe(WS_CLOSE.UNAUTHENTICATED);
    expect(byKey.seen.filter((n) => n > (byKey.closedAfterSeq() ?? 0))).toEqual([]);
    await s.dataSource.getRepository(UserEntity).update({ id: s.users.trader.id }, { isActive: true });
  });

  it('closes the socket of an API key when the key is revoked', async () => {
    const admin = await login(s, 'admin');
    const created = await s.http().post('/api/api-keys').set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ name: 'ws-script', role: 'viewer' }).expect(201);
    const w = await watch({ authorization: `Bearer ${created.body.key as string}` });
    await expectEndsWith(w, () => s.http().delete(`/api/api-keys/${created.body.id as number}`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).expect(204));
  });

  it('closes the sockets of a user whose role changes', async () => {
    const admin = await login(s, 'admin');
    const trader = await login(s, 'trader');
    const w = await watch(cookieOf(trader));
    await expectEndsWith(w, () => s.http().patch(`/api/users/${s.users.trader.id}`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ role: 'viewer' }).expect(200));
    await s.http().patch(`/api/users/${s.users.trader.id}`).set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ role: 'trader' }).expect(200);
  });

  it('closes a socket whose session expires, at the next periodic check', async () => {
    const viewer = await login(s, 'viewer');
    const w = await watch(cookieOf(viewer));
    await expectEndsWith(w, async () => {
      await s.dataSource.getRepository(SessionEntity).update({ userId: s.users.viewer.id }, { expiresAt: new Date(Date.now() - 1000) });
      // Nothing told the gateway: only its re-check (every second here) can notice.
      await until('the periodic re-check to close it', () => w.closedAfterSeq() !== undefined, 5000);
    });
  });

  it('refuses the socket of a user who must still change the password', async () => {
    await s.dataSource.getRepository(UserEntity).update({ id: s.users.trader.id }, { mustChangePassword: true });
    try {
      const trader = await login(s, 'trader');
      const ws = new WebSocket(url, { headers: cookieOf(trader) });
      sockets.push(ws);
      expect(await new Promise((resolve) => ws.on('close', resolve))).toBe(WS_CLOSE.UNAUTHENTICATED);
      expect(gateway.audience).toBe(0);
    } finally {
      await s.dataSource.getRepository(UserEntity).update({ id: s.users.trader.id }, { mustChangePassword: false });
    }
  });
});
