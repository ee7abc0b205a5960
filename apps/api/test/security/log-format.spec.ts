import { logFormatOf } from '../../src/common/logging/log-format';
import { capturedLogs, login, SecurityApp, startSecurityApp } from './security-app';

describe('LOG_FORMAT=pretty (what command 1 shows in a terminal)', () => {
  let s: SecurityApp;

  beforeAll(async () => {
    s = await startSecurityApp({ env: { LOG_FORMAT: 'pretty' } });
  }, 120_000);
  afterAll(() => s?.close());

  it('writes one human-readable line per request: method, redacted URL, status, time; no headers, no JSON', async () => {
    const admin = await login(s, 'admin');
    const from = capturedLogs.length;
    await s.http().get('/api/accounts').set('cookie', admin.cookie).expect(200);
    await s.http().get('/api/accounts?apiToken=leaky-secret-value').set('cookie', admin.cookie).expect(400);
    const lines = capturedLogs.slice(from).flatMap((l) => l.split('\n')).filter((l) => l.trim() !== '');

    const requests = lines.filter((l) => /\b(GET|POST|PUT|DELETE) \//.test(l));
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatch(/INFO.*GET \/api\/accounts 200 \d+ms/);
    expect(requests[1]).toMatch(/WARN.*GET \/api\/accounts\?apiToken=\[REDACTED\] 400 \d+ms/);
    expect(lines.join('\n')).not.toContain('leaky-secret-value');
    expect(lines.join('\n')).not.toContain(admin.sessionToken);
    expect(lines.some((l) => l.includes('cookie') || l.includes('user-agent') || l.trimStart().startsWith('{'))).toBe(false);
  });
});

describe('logFormatOf', () => {
  it('is pretty on a terminal, JSON otherwise, and LOG_FORMAT wins either way', () => {
    expect(logFormatOf(undefined, true)).toBe('pretty');
    expect(logFormatOf(undefined, false)).toBe('json');
    expect(logFormatOf('json', true)).toBe('json');
    expect(logFormatOf('pretty', false)).toBe('pretty');
  });
});
