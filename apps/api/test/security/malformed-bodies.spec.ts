import { dumpDatabase, linesLeaking, login, SecurityApp, SessionAuth, startSecurityApp, TEST_SECRETS } from './security-app';
import { concretePath, isWrite, liveRoutes, LiveRoute } from './route-table';

/** A valid body for a write route, and what the generator must know about its fields. */
interface Sample {
  params?: (s: SecurityApp) => Record<string, string | number>;
  body: Record<string, unknown>;
  /** Fields that must be present (removing one is a 400). */
  required: string[];
  /** Fields that accept null (switch a limit off). */
  nullable?: string[];
  /** Free-text secrets where any unicode is legitimate (passphrases). */
  unicodeOk?: string[];
}

/**
 * One valid body per write route. Routes without a body are listed as null with the reason;
 * the test fails when a write route is missing here, so a new endpoint must add its sample.
 */
const SAMPLES: Record<string, Sample | null> = {
  'POST /api/auth/login': { body: { username: 'admin', password: 'not-the-password' }, required: ['username', 'password'], unicodeOk: ['password'] },
  'POST /api/auth/password': { body: { currentPassword: 'not-the-password', newPassword: 'A-new-long-passphrase-1' }, required: ['currentPassword', 'newPassword'], unicodeOk: ['currentPassword', 'newPassword'] },
  'POST /api/users': { body: { username: 'newuser', password: 'Long-enough-pass-1', role: 'trader' }, required: ['username', 'password', 'role'], unicodeOk: ['password'] },
  'PATCH /api/users/:id': { params: (s) => ({ id: s.users.trader.id }), body: { role: 'viewer', isActive: true }, required: [] },
  'POST /api/api-keys': { body: { name: 'nightly-report', role: 'viewer' }, required: ['name'] },
  'PUT /api/accounts/:id/credentials': { params: (s) => ({ id: s.accounts.kotakId }), body: { ...TEST_SECRETS.kotak }, required: ['consumerKey', 'ucc', 'mobileNumber', 'totpSecret', 'mpin'] },
  'PUT /api/accounts/:id/risk-limits': {
    params: (s) => ({ id: s.accounts.kotakId }),
    body: { dailyLossLimitPaise: 1_50_000_00, maxMarginUsagePct: 0.35, weeklyLossLimitPaise: 4_00_000_00, pauseOnProfitTarget: false },
    required: [],
    nullable: ['weeklyLossLimitPaise'],
  },
  'PUT /api/strategy-configs/:id/parameters': { params: (s) => ({ id: s.strategyConfigs.strangleId }), body: { baseDeltaPct: 0.6, entryTime: '10:15', roundTo: 100 }, required: [] },
  'PUT /api/accounts/:id/mode': { params: (s) => ({ id: s.accounts.kotakId }), body: { mode: 'PAPER' }, required: ['mode'] },
  // The Kotak account: a valid key is refused 422 (not an ICICI account) before any call leaves the process.
  'PUT /api/accounts/:id/icici-session': { params: (s) => ({ id: s.accounts.kotakId }), body: { sessionKey: 'ABC12345' }, required: ['sessionKey'] },
  'POST /api/approvals/:id/reject': { params: () => ({ id: 1 }), body: { reason: 'too close to the results' }, required: ['reason'], unicodeOk: ['reason'] },
  'POST /api/knowledge/notes': { body: { title: 'Results week', text: 'Avoid entries two days before results.', tags: ['results'] }, required: ['title', 'text'], nullable: ['tags'], unicodeOk: ['title', 'text'] },
  'PUT /api/strategy-configs/:id/entries-paused': { params: (s) => ({ id: s.strategyConfigs.strangleId }), body: { paused: true, reason: 'RBI policy tomorrow' }, required: ['paused', 'reason'] },
  'PUT /api/analytics/learning/rules/:strategyType': { params: () => ({ strategyType: 'WEEKLY_NIFTY_STRANGLE' }), body: { minSamples: 12, minWinRateGapFraction: 0.2 }, required: ['minSamples', 'minWinRateGapFraction'] },
  'POST /api/events': { body: { title: 'RBI monetary policy decision', importance: 'HIGH', eventDate: '2026-12-04' }, required: ['title', 'importance', 'eventDate'] },
  'PUT /api/events/:id': { body: { title: 'RBI policy decision (revised)', importance: 'MEDIUM' }, required: [] },
  'POST /api/backtests': { body: { strategy: 'kotak-strangle', from: '2026-03-02', to: '2026-03-06', dataSource: 'SIMULATOR', seed: 7, params: { 'engine.ticks': 'daily' } }, required: ['strategy', 'from', 'to', 'dataSource', 'seed'] },
  'POST /api/market/import': {
    body: { symbol: 'MYINDEX', interval: '1d', csv: 'date,open,high,low,close,volume\n2026-01-05,100.5,105,99.25,104,1000\n2026-01-06,104,106,103,105.5,1200\n' },
    required: ['symbol', 'interval', 'csv'],
  },
  'POST /api/orders': {
    body: {
      accountId: 1,
      segment: 'NFO-OPT',
      underlying: 'NIFTY',
      kind: 'OPT',
      expiry: '2026-03-17',
      strike: 23500,
      optionType: 'CE',
      side: 'SELL',
      quantity: 65,
      orderType: 'LIMIT',
      limitPrice: 120.5,
      purpose: 'ENTRY',
      idempotencyKey: 'sample-1',
    },
    required: ['accountId', 'segment', 'underlying', 'kind', 'expiry', 'side', 'quantity', 'orderType', 'limitPrice', 'purpose'],
  },
  'POST /api/orders/entry': {
    body: {
      accountId: 1,
      legs: [
        { segment: 'NFO-OPT', underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 23500, optionType: 'CE', side: 'SELL', quantity: 65, orderType: 'LIMIT', limitPrice: 120.5 },
        { segment: 'NFO-OPT', underlying: 'NIFTY', kind: 'OPT', expiry: '2026-03-17', strike: 22500, optionType: 'PE', side: 'SELL', quantity: 65, orderType: 'LIMIT', limitPrice: 95 },
      ],
      idempotencyKey: 'sample-entry-1',
    },
    required: ['accountId', 'legs'],
  },
  'POST /api/positions/:id/exit': { body: { reason: 'manual exit for a test' }, required: ['reason'] },
  'POST /api/positions/:id/legs/:legId/exit': { body: { reason: 'leg exit for a test' }, required: ['reason'] },
  // An unknown account: the valid sample is a 404, so the sweep never flattens and halts the test's accounts.
  'POST /api/risk/exit-all-and-halt': { body: { reason: 'panic in a test', accountId: 999999 }, required: ['reason'] },
  'PUT /api/calendar/years/:year': { params: () => ({ year: 2027 }), body: { holidays: [{ date: '2027-01-26', name: 'Republic Day' }] }, required: ['holidays'] },
  'PUT /api/calendar/holidays/:date': { params: () => ({ date: '2027-03-22' }), body: { name: 'Holi' }, required: ['name'] },
  'PUT /api/calendar/sessions/:date': { params: () => ({ date: '2027-10-29' }), body: { kind: 'MUHURAT', name: 'Diwali muhurat trading', open: '18:00', close: '19:00' }, required: ['kind', 'name', 'open', 'close'] },
  // A CSV may hold any text (its lines are validated one by one, 422 with every bad line).
  'POST /api/calendar/import': { body: { csv: 'Sr. No,Date,Day,Description\n1,26-Jan-2027,Tuesday,Republic Day\n', year: 2027 }, required: ['csv'], unicodeOk: ['csv'] },
  'POST /api/risk/breakers/:id/reset': { body: { note: 'loss reviewed by the admin' }, required: ['note'] },
  'POST /api/risk/kill-switch': { body: { state: 'ACTIVE', reason: 'resume after review' }, required: ['state', 'reason'] },
  'PUT /api/alerts/channels/:channel': {
    params: () => ({ channel: 'TELEGRAM' }),
    body: { enabled: true, minSeverity: 'INFO', quietFrom: '22:00', quietTo: '07:00' },
    required: ['enabled', 'minSeverity', 'quietFrom', 'quietTo'],
    nullable: ['quietFrom', 'quietTo'],
  },
  'PUT /api/alerts/cooldowns/:kind': { params: () => ({ kind: 'loss-limit' }), body: { cooldownSeconds: 3600 }, required: ['cooldownSeconds'] },
  'POST /api/alerts/telegram-chats': { body: { chatId: '123456789', userId: 1, label: 'my phone', receivesAlerts: true }, required: ['chatId', 'userId', 'label'] },
  // No request body: nothing to malform.
  'POST /api/alerts/channels/:channel/test': null,
  'DELETE /api/alerts/telegram-chats/:id': null,
  'POST /api/analytics/daily-report/send': null,
  'POST /api/approvals/:id/approve': null,
  'POST /api/analytics/learning/suggestions/:id/accept': null,
  'POST /api/analytics/learning/suggestions/:id/dismiss': null,
  // Telegram's own updates: 404 unless webhook mode, then only with the secret header (telegram-bot.spec).
  'POST /api/telegram/webhook': null,
  'POST /api/orders/:id/cancel': null,
  'POST /api/alerts/:id/acknowledge': null,
  'POST /api/auth/logout': null,
  'DELETE /api/api-keys/:id': null,
  'DELETE /api/accounts/:id/credentials': null,
  'POST /api/admin/credentials/re-encrypt': null,
  'DELETE /api/events/:id': null,
  'DELETE /api/calendar/years/:year': null,
  'DELETE /api/calendar/holidays/:date': null,
  'DELETE /api/calendar/sessions/:date': null,
};

const HUGE = 'x'.repeat(100_000);
const UNICODE = 'ñ漢字😀🚀\u202e\u0000';

/** A malformed variant: a JSON text to send, the field it targets, and why it is wrong. */
interface Variant {
  what: string;
  raw: string;
  field?: string;
}

function variants(sample: Sample): Variant[] {
  const out: Variant[] = [];
  const body = sample.body;
  const json = (v: unknown) => JSON.stringify(v);
  const put = (what: string, v: unknown, field?: string) => out.push({ what, raw: json(v), field });
  put('an array instead of an object', [body]);
  put('a string instead of an object', 'hello');
  put('an empty object', {});
  put('an extra field', { ...body, unexpectedField: 'x' });
  out.push({ what: 'a __proto__ field', raw: `{"__proto__":{"isAdmin":true},${json(body).slice(1)}` });
  out.push({ what: 'truncated JSON', raw: json(body).slice(0, -3) });
  for (const [field, value] of Object.entries(body)) {
    const set = (what: string, v: unknown) => put(`${field}: ${what}`, { ...body, [field]: v }, field);
    if (typeof value === 'number') {
      set('a string', '12abc');
      set('a numeric string', String(value));
      set('negative', -1);
      set('NaN as a string', 'NaN');
      set('a boolean', true);
      out.push({ what: `${field}: Infinity (1e999)`, raw: json({ ...body, [field]: 0 }).replace(`"${field}":0`, `"${field}":1e999`), field });
      set('absurdly large', 1e300);
    } else if (typeof value === 'string') {
      set('a number', 12345);
      set('a 100k-character string', HUGE);
      if (!sample.unicodeOk?.includes(field)) set('unicode and emoji', UNICODE);
      set('a boolean', false);
    } else if (typeof value === 'boolean') {
      set('a string', 'yes');
      set('a number', 1);
    }
    set('an object', { nested: HUGE });
    set('an array', [value, value]);
    if (!sample.nullable?.includes(field)) set('null', null);
    if (sample.required.includes(field)) {
      const { [field]: _dropped, ...rest } = body;
      put(`${field}: missing`, rest, field);
    }
  }
  return out;
}

describe('malformed bodies on every write endpoint', () => {
  let s: SecurityApp;
  let admin: SessionAuth;
  let writes: LiveRoute[];

  beforeAll(async () => {
    s = await startSecurityApp();
    admin = await login(s, 'admin');
    writes = liveRoutes(s.app).filter((r) => isWrite(r.method) && r.nest);
  });
  afterAll(async () => {
    await s?.close();
    expect(linesLeaking([...Object.values(TEST_SECRETS.kotak), TEST_SECRETS.adminPassword, admin?.sessionToken ?? ''])).toEqual([]);
  });

  it('has a sample body (or a no-body reason) for every write route', () => {
    const keys = writes.map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k) => !(k in SAMPLES))).toEqual([]);
    expect(Object.keys(SAMPLES).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('answers 400 with a readable message and leaves the database unchanged', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const route of writes) {
      const sample = SAMPLES[`${route.method} ${route.path}`];
      if (!sample) continue;
      const path = concretePath(route.path, sample.params?.(s));
      const before = await dumpDatabase(s.dataSource);
      for (const v of variants(sample)) {
        sent += 1;
        const call = s.http()[route.method.toLowerCase() as 'post'];
        const res = await call(path)
          .set('cookie', admin.cookie)
          .set('x-csrf-token', admin.csrfToken)
          .set('content-type', 'application/json')
          .send(v.raw);
        const messages = ([] as unknown[]).concat(res.body?.message ?? []);
        const text = messages.join(' | ');
        const label = `${route.method} ${route.path} with ${v.what}`;
        if (res.status !== 400) failures.push(`${label}: status ${res.status} ${text.slice(0, 120)}`);
        else if (!['VALIDATION_FAILED', 'BAD_REQUEST'].includes(res.body.code)) failures.push(`${label}: code ${res.body.code}`);
        else if (messages.length === 0 || messages.some((m) => typeof m !== 'string' || m.length === 0 || m.length > 300)) failures.push(`${label}: unreadable message ${text.slice(0, 120)}`);
        else if (text.includes('xxxxxxxxxx') || /\bat .*\.(ts|js):\d+/.test(text)) failures.push(`${label}: message echoes input or internals`);
        else if (v.field && res.body.code === 'VALIDATION_FAILED' && !text.includes(v.field) && !text.includes('unknown value')) failures.push(`${label}: message does not name ${v.field}: ${text}`);
        else if (typeof res.body.correlationId !== 'string') failures.push(`${label}: no correlation id`);
      }
      const after = await dumpDatabase(s.dataSource);
      const changed = Object.keys(after).filter((t) => JSON.stringify(after[t]) !== JSON.stringify(before[t]));
      if (changed.length > 0) failures.push(`${route.method} ${route.path}: database changed (${changed.map((t) => `${t}: ${before[t]?.length ?? 0} → ${after[t]?.length ?? 0} rows, now ${JSON.stringify(after[t]).slice(0, 300)}`).join('; ')})`);
    }
    expect(sent).toBeGreaterThan(200);
    expect(failures).toEqual([]);
    // Several hundred requests through the whole app, two full dumps per route: 8 s on an idle
    // machine, over 120 s (the PostgreSQL pass's default) at a load average of 27 on 2 cores.
  }, 600_000);

  it('accepts each valid sample (so the 400s above come from the malformations)', async () => {
    const failures: string[] = [];
    for (const route of writes) {
      const sample = SAMPLES[`${route.method} ${route.path}`];
      if (!sample) continue;
      const call = s.http()[route.method.toLowerCase() as 'post'];
      const res = await call(concretePath(route.path, sample.params?.(s)))
        .set('cookie', admin.cookie)
        .set('x-csrf-token', admin.csrfToken)
        .send(sample.body);
      if (res.status === 400) failures.push(`${route.method} ${route.path}: ${JSON.stringify(res.body.message)}`);
    }
    expect(failures).toEqual([]);
    // One request per write route, in series: a loaded CI machine took longer than jest's 30 s.
  }, 300_000);
});
