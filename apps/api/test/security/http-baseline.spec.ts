import { Controller, Get, Post } from '@nestjs/common';
import { deletePrefix, SHARED_REDIS_URL, uniquePrefix } from '../jobs/job-test-kit';
import { capturedLogs, login, SecurityApp, startSecurityApp } from './security-app';

/** Test-only routes that fail the way a bug would. */
@Controller('test-failures')
class FailingController {
  @Get('boom')
  boom(): never {
    throw new Error('internal detail: SELECT * FROM users WHERE password_hash = $1');
  }

  @Post('boom')
  boomWrite(): never {
    throw new TypeError('cannot read properties of undefined');
  }
}

describe('HTTP baseline', () => {
  let s: SecurityApp;
  let viewerCookie: string;

  beforeAll(async () => {
    s = await startSecurityApp({ controllers: [FailingController] });
    viewerCookie = (await login(s, 'viewer')).cookie;
  });
  afterAll(() => s?.close());

  it('turns an unknown error into a 500 without internals, logged in full with the correlation id', async () => {
    const res = await s.http().get('/api/test-failures/boom').set('cookie', viewerCookie).set('x-request-id', 'req-boom-1').expect(500);
    expect(res.body).toEqual({ code: 'INTERNAL', message: expect.any(String), correlationId: 'req-boom-1' });
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|password_hash|\.ts:|Error/);
    const logged = capturedLogs.filter((l) => l.includes('req-boom-1') && l.includes('internal detail'));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).toMatch(/"stack":/);
  });

  it('echoes a given x-request-id and generates one otherwise', async () => {
    const given = await s.http().get('/api/auth/me').set('x-request-id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    expect(given.body.correlationId).toBe('abc-123');
    const generated = await s.http().get('/api/auth/me');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.body.correlationId).toBe(generated.headers['x-request-id']);
    const unsafe = await s.http().get('/api/auth/me').set('x-request-id', 'a b"}{\\n');
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with a coded 404', async () => {
    const res = await s.http().get('/api/no-such-route').expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', correlationId: expect.any(String) });
  });

  it('refuses bodies over the limit with 413', async () => {
    const res = await s.http().post('/api/auth/login').set('content-type', 'application/json').send(JSON.stringify({ username: 'a', password: 'x'.repeat(600_000) }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sets helmet security headers and hides the framework', async () => {
    const res = await s.http().get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('keeps CORS closed by default', async () => {
    const preflight = await s.http().options('/api/auth/login').set('origin', 'https://evil.example').set('access-control-request-method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await s.http().get('/health').set('origin', 'https://evil.example');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('opens CORS only to the configured origins', async () => {
    const open = await startSecurityApp({ env: { CORS_ORIGINS: 'https://console.example' } });
    try {
      const ok = await open.http().options('/api/auth/login').set('origin', 'https://console.example').set('access-control-request-method', 'POST');
      expect(ok.headers['access-control-allow-origin']).toBe('https://console.example');
      expect(ok.headers['access-control-allow-credentials']).toBe('true');
      const other = await open.http().options('/api/auth/login').set('origin', 'https://evil.example').set('access-control-request-method', 'POST');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it('reports health without authentication: database up', async () => {
    const res = await s.http().get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    expect(res.body.info).not.toHaveProperty('redis');
  });

  it('checks Redis when configured: up on the local server, 503 when unreachable', async () => {
    // Its own prefix: the default one would share BullMQ queues and the events channel with any other mCube on this Redis.
    const prefix = uniquePrefix();
    const up = await startSecurityApp({ env: { REDIS_URL: SHARED_REDIS_URL, MCUBE_QUEUE_PREFIX: prefix } });
    try {
      const res = await up.http().get('/health').expect(200);
      expect(res.body.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
    } finally {
      await up.close();
      await deletePrefix(SHARED_REDIS_URL, prefix);
    }
    // The IST schedule on as in production: creating its repeatable must not hold the boot either.
    const down = await startSecurityApp({ env: { REDIS_URL: 'redis://127.0.0.1:1', MCUBE_QUEUE_PREFIX: uniquePrefix(), MCUBE_JOB_SCHEDULE: 'true' } });
    try {
      const res = await down.http().get('/health').expect(503);
      expect(res.body).toMatchObject({ status: 'error', error: { redis: { status: 'down' } } });
    } finally {
      await down.close();
    }
    // Two more full app boots: 51 s at a load average of 20 on the shared machine.
  }, 180_000);

  it('writes structured JSON request logs with the correlation id', async () => {
    await s.http().get('/health').set('x-request-id', 'log-check-42');
    const line = capturedLogs.find((l) => l.includes('"log-check-42"') && l.includes('"responseTime"'));
    expect(line).toBeDefined();
    const parsed = JSON.parse(line as string);
    expect(parsed).toMatchObject({ req: { id: 'log-check-42', method: 'GET' }, res: { statusCode: 200 } });
  });
});
