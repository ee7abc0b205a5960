import { Alert } from '../../src/modules/alerts/entities/alert.entity';
import { apiKeyFor, dumpDatabase, login, SecurityApp, startSecurityApp, TEST_SECRETS } from './security-app';
import { concretePath, isWrite, liveRoutes, LiveRoute } from './route-table';

/**
 * Path segments JavaScript turns into a number but that are not ids (URL-encoded as sent).
 * Each decodes to the id of a stored row (8 → an event, 1 → an account…) where that helps
 * show a write would have happened.
 */
const NOT_IDS = [
  '+8', '%2B8', '%209', '9%20', '%201', '%0A1', '1%00', '00010', '01', '0', '00', '-1', '-0',
  '0xb', '0XB', '0x', '12.0', '1.', '.5', '13e0', '1e3', '1E1', '0b1111', '0o20', '1_0',
  'Infinity', 'NaN', '%D9%A3', '%EF%BC%91',
  '9007199254740992', '9007199254740993', '99999999999999999999', '1'.repeat(400),
];

/** A valid body for each write route with a path id (undefined: the route takes none). A new route must be added here. */
const BODIES: Record<string, object | undefined> = {
  'PUT /api/accounts/:id/risk-limits': { maxDrawdownPct: 0.11 },
  'PUT /api/accounts/:id/credentials': TEST_SECRETS.kotak,
  'DELETE /api/accounts/:id/credentials': undefined,
  'PUT /api/accounts/:id/mode': { mode: 'PAPER' },
  'POST /api/approvals/:id/approve': undefined,
  'POST /api/approvals/:id/reject': { reason: 'rejected by the id sweep' },
  'PUT /api/accounts/:id/icici-session': { sessionKey: '12345678' },
  'POST /api/risk/breakers/:id/reset': { note: 'reviewed by the id sweep' },
  'PUT /api/strategy-configs/:id/parameters': { baseDeltaPct: 0.6 },
  'PUT /api/strategy-configs/:id/entries-paused': { paused: false, reason: 'resumed by the id sweep' },
  'PUT /api/events/:id': { title: 'Renamed by the id sweep' },
  'DELETE /api/events/:id': undefined,
  'POST /api/alerts/:id/acknowledge': undefined,
  'POST /api/positions/:id/exit': { reason: 'exit from the id sweep' },
  'POST /api/positions/:id/legs/:legId/exit': { reason: 'exit from the id sweep' },
  'POST /api/orders/:id/cancel': undefined,
  'PATCH /api/users/:id': { role: 'viewer' },
  'DELETE /api/api-keys/:id': undefined,
  'DELETE /api/alerts/telegram-chats/:id': undefined,
  'POST /api/analytics/learning/suggestions/:id/accept': undefined,
  'POST /api/analytics/learning/suggestions/:id/dismiss': undefined,
};

describe('path ids: only canonical positive decimal integers are ids, on every route', () => {
  let s: SecurityApp;
  let idRoutes: LiveRoute[];
  let adminKey: string;
  const key = (r: LiveRoute) => `${r.method} ${r.path}`;
  const send = (r: LiveRoute, segment: string, body: object | undefined) => {
    const req = s.http()[r.method.toLowerCase() as 'post'](concretePath(r.path, Object.fromEntries([...r.path.matchAll(/:(\w+)/g)].map((m) => [m[1], segment])))).set('x-api-key', adminKey);
    return body === undefined ? req : req.send(body);
  };

  beforeAll(async () => {
    s = await startSecurityApp();
    // Ids only: other path parameters (`:channel`, `:kind`) are names checked by their own pipes.
    idRoutes = liveRoutes(s.app).filter((r) => /\/:id(\/|$)/.test(r.path));
    adminKey = await apiKeyFor(s, 'admin');
    const admin = await login(s, 'admin');
    // Rows behind the ids the malformed segments decode to (1 … 16 and 1000).
    for (let i = 1; i <= 20; i += 1) {
      await s.http().post('/api/events').set('cookie', admin.cookie).set('x-csrf-token', admin.csrfToken).send({ title: `Event ${i}`, importance: 'LOW', eventDate: '2026-12-05' }).expect(201);
      await s.dataSource.getRepository(Alert).insert({ accountId: s.accounts.kotakId, severity: 'INFO', category: 'SYSTEM', title: `Alert ${i}`, message: 'seeded', context: null, dedupKey: null, occurredAt: new Date(), acknowledgedAt: null, acknowledgedBy: null });
    }
    for (let i = 0; i < 3; i += 1) await apiKeyFor(s, 'trader');
  });
  afterAll(() => s?.close());

  it('finds every route with a path id on the live router, including the ones of the report', () => {
    expect(idRoutes.length).toBeGreaterThanOrEqual(15);
    expect(idRoutes.map(key)).toEqual(expect.arrayContaining(['DELETE /api/events/:id', 'DELETE /api/api-keys/:id', 'PUT /api/accounts/:id/risk-limits']));
    const known = BODIES;
    expect(idRoutes.filter((r) => isWrite(r.method) && !(key(r) in known)).map(key)).toEqual([]);
  });

  it('answers 400 VALIDATION_FAILED to every malformed id on every route and changes nothing', async () => {
    const before = await dumpDatabase(s.dataSource);
    const known = BODIES;
    const failures: string[] = [];
    for (const r of idRoutes) {
      for (const segment of NOT_IDS) {
        const res = await send(r, segment, known[key(r)]);
        if (res.status !== 400 || res.body.code !== 'VALIDATION_FAILED') failures.push(`${r.method} ${concretePath(r.path, { id: segment })} -> ${res.status} ${res.body.code ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await dumpDatabase(s.dataSource)).toEqual(before);
  });

  it('accepts the same requests with a canonical id (so the 400 above came from the id alone)', async () => {
    const known = BODIES;
    const failures: string[] = [];
    for (const r of idRoutes) {
      // A canonical id of no row: the request passes validation and reaches the handler's lookup.
      const res = await send(r, '987654', known[key(r)]);
      if (res.status === 400 || res.status >= 500) failures.push(`${key(r)} -> ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(failures).toEqual([]);
    const deleted = await send(idRoutes.find((r) => key(r) === 'DELETE /api/events/:id') as LiveRoute, '8', undefined);
    expect(deleted.status).toBe(204);
  });
});
