import { Writable } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/bootstrap/configure-app';
import { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { RiskLimit } from '../../src/modules/risk/entities/risk-limit.entity';
import { StrategyConfig } from '../../src/modules/strategies/entities/strategy-config.entity';
import { UserEntity } from '../../src/modules/core/entities/user.entity';
import { bootstrapAdmin } from '../../src/modules/core/users/bootstrap-admin';
import { hashPassword } from '../../src/modules/core/users/password-hasher';
import type { Role } from '../../src/common/request-context/principal';
import { createTestDatabase, databaseEnv, TestDatabase } from '../db/test-database';
import { insertAccount } from '../db/fixtures';

/** Secrets used by the security suites; none may ever appear in a log line. */
export const TEST_SECRETS = {
  adminPassword: 'Admin-Pa55word-Zq9xW!',
  traderPassword: 'Trader-Pa55word-Kp3vR!',
  viewerPassword: 'Viewer-Pa55word-Lm8tY!',
  credentialsKey: 'q1mC6m0b5wVt0oQ0a8yq3H2Jc8rS7b4ZpXc1Yd2Ee3E=',
  previousCredentialsKey: '9f1c2b3a4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8',
  kotak: { consumerKey: 'KOTAK-CONSUMER-KEY-7Hq2Zx', ucc: 'UCC4242XY', mobileNumber: '+919812345678', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DP', mpin: '864209' },
  icici: { apiKey: 'ICICI-APPKEY-3s9Lq0+=!', apiSecret: 'ICICI-SECRET-v8Rt6Wm2' },
} as const;

/** Every log line written during this process (pino destination + console + stdio). */
export const capturedLogs: string[] = [];

let stdioHooked = false;
/** Also tee process stdout/stderr (TypeORM's and any stray console output) into `capturedLogs`. */
function hookStdio(): void {
  if (stdioHooked) return;
  stdioHooked = true;
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    (stream as unknown as { write: (...args: unknown[]) => boolean }).write = (chunk: unknown, ...rest: unknown[]) => {
      capturedLogs.push(String(chunk));
      return original(chunk, ...rest);
    };
  }
}

/** A pino destination that keeps every line in memory. */
function bufferDestination(): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      capturedLogs.push(chunk.toString('utf8'));
      done();
    },
  });
}

/** A running API on a fresh migrated SQLite database, plus seeded users and settings. */
export interface SecurityApp {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  db: TestDatabase;
  http: () => ReturnType<typeof request>;
  users: Record<Role, { id: number; username: string; password: string }>;
  accounts: { kotakId: number; iciciId: number };
  strategyConfigs: { strangleId: number; futuresId: number };
  /** Closes and deletes the database. */
  close(): Promise<void>;
  /** Closes the app but keeps the database (to boot again on it with `opts.db`). */
  stop(): Promise<void>;
}

/** Environment every suite starts from; `env` overrides it. */
export function testEnv(database: AppConfig['database'], env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    ...databaseEnv(database),
    LOG_LEVEL: 'info',
    MCUBE_CREDENTIALS_KEY: TEST_SECRETS.credentialsKey,
    LOGIN_ADDRESS_MAX_FAILURES: '100000',
    ...env,
  };
}

/** Starts the real app (AppModule + configureApp) on a new database; `seed` false leaves it empty. */
export async function startSecurityApp(
  opts: {
    env?: Record<string, string | undefined>;
    beforeBoot?: (ds: DataSource, seeded: Seeded) => Promise<void>;
    controllers?: Type[];
    db?: TestDatabase;
    /** Providers to replace (a fixed clock for the market, say). */
    overrides?: { provide: unknown; useValue: unknown }[];
  } = {},
): Promise<SecurityApp> {
  hookStdio();
  const db = opts.db ?? (await createTestDatabase(undefined, { migrated: true }));
  const seedSource = await db.openMigrated();
  const seeded = (await seedSource.getRepository(UserEntity).count()) > 0 ? await seededOf(seedSource) : await seed(seedSource);
  if (opts.beforeBoot) await opts.beforeBoot(seedSource, seeded);
  await seedSource.destroy();
  const config = loadConfig(testEnv(db.database, opts.env));
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config, { logger: { destination: bufferDestination() } })], controllers: opts.controllers ?? [] });
  for (const o of opts.overrides ?? []) builder = builder.overrideProvider(o.provide).useValue(o.useValue);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app, config);
  try {
    await app.init();
  } catch (err) {
    await app.close().catch(() => undefined);
    if (!opts.db) await db.dispose();
    throw err;
  }
  const dataSource = app.get<DataSource>(await import('typeorm').then((t) => t.DataSource));
  return {
    app,
    config,
    dataSource,
    db,
    http: () => request(app.getHttpServer()),
    ...seeded,
    close: async () => {
      await app.close();
      await db.dispose();
    },
    stop: () => app.close(),
  };
}

/** Ids of what `seed` inserted. */
export type Seeded = Pick<SecurityApp, 'users' | 'accounts' | 'strategyConfigs'>;

/** Reads back the ids of a database seeded earlier (second boot on the same database). */
async function seededOf(ds: DataSource): Promise<Seeded> {
  const users = ds.getRepository(UserEntity);
  const id = async (u: string) => (await users.findOneByOrFail({ username: u })).id;
  const configs = await ds.getRepository(StrategyConfig).find({ order: { id: 'ASC' } });
  const accounts = await ds.query(`SELECT id, broker FROM broker_accounts ORDER BY id`) as { id: number; broker: string }[];
  return {
    users: {
      admin: { id: await id('admin'), username: 'admin', password: TEST_SECRETS.adminPassword },
      trader: { id: await id('trader'), username: 'trader', password: TEST_SECRETS.traderPassword },
      viewer: { id: await id('viewer'), username: 'viewer', password: TEST_SECRETS.viewerPassword },
    },
    accounts: { kotakId: accounts.find((a) => a.broker === 'KOTAK')?.id ?? 0, iciciId: accounts.find((a) => a.broker === 'ICICI')?.id ?? 0 },
    strategyConfigs: { strangleId: configs[0].id, futuresId: configs[1].id },
  };
}

async function seed(ds: DataSource): Promise<Seeded> {
  await bootstrapAdmin(ds, { username: 'admin', password: TEST_SECRETS.adminPassword });
  const repo = ds.getRepository(UserEntity);
  for (const [username, role, password] of [
    ['trader', 'trader', TEST_SECRETS.traderPassword],
    ['viewer', 'viewer', TEST_SECRETS.viewerPassword],
  ] as const) {
    await repo.insert({ username, role, passwordHash: await hashPassword(password), failedAttempts: 0, lockedUntil: null, isActive: true, mustChangePassword: false, lastLoginAt: null });
  }
  const byName = async (u: string) => (await repo.findOneByOrFail({ username: u })).id;
  const kotak = await insertAccount(ds, { broker: 'KOTAK', name: 'Kotak strangle', isActive: true });
  const icici = await insertAccount(ds, { broker: 'ICICI', name: 'ICICI futures', isActive: true });
  for (const accountId of [kotak.id, icici.id]) {
    await ds.getRepository(RiskLimit).insert({
      accountId,
      maxMarginUsagePct: 0.4,
      firstTradeFraction: 0.5,
      maxConcurrentPositions: 1,
      perPositionStopPaise: 1_00_000 * 100,
      perTradeRiskPaise: null,
      dailyLossLimitPaise: 2_00_000 * 100,
      weeklyLossLimitPaise: null,
      weeklyProfitTargetPaise: 1_75_000 * 100,
      monthlyProfitTargetPaise: 7_00_000 * 100,
      pauseOnProfitTarget: true,
      maxDrawdownPct: 0.15,
      maxLeverage: null,
      maxTotalExposurePaise: null,
      maxPositionExposurePaise: null,
    });
  }
  const configs = ds.getRepository(StrategyConfig);
  const strangle = await configs.save(configs.create({ accountId: kotak.id, strategyType: 'WEEKLY_NIFTY_STRANGLE', isActive: true, parameters: { baseDeltaPct: 0.5, roundTo: 100, entryTime: '10:00', entryWindowStart: '09:15', entryWindowEnd: '11:30', vixElevatedAbove: 15, vixHighAbove: 18 } }));
  const futures = await configs.save(configs.create({ accountId: icici.id, strategyType: 'LLM_VALIDATED_FUTURES', isActive: true, parameters: { maxAverageAttempts: 2, pcrBullishAbove: 1.3, pcrBearishBelow: 0.7, requireHumanApproval: true } }));
  return {
    users: {
      admin: { id: await byName('admin'), username: 'admin', password: TEST_SECRETS.adminPassword },
      trader: { id: await byName('trader'), username: 'trader', password: TEST_SECRETS.traderPassword },
      viewer: { id: await byName('viewer'), username: 'viewer', password: TEST_SECRETS.viewerPassword },
    },
    accounts: { kotakId: kotak.id, iciciId: icici.id },
    strategyConfigs: { strangleId: strangle.id, futuresId: futures.id },
  };
}

/** A logged-in console session: cookie header and CSRF token. */
export interface SessionAuth {
  cookie: string;
  csrfToken: string;
  sessionToken: string;
}

/** Logs in through the API and returns the cookies to send. */
export async function login(s: SecurityApp, role: Role): Promise<SessionAuth> {
  const u = s.users[role];
  const res = await s.http().post('/api/auth/login').send({ username: u.username, password: u.password }).expect(200);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const pairs = setCookie.map((c) => c.split(';')[0]);
  const sessionToken = (pairs.find((p) => p.startsWith('mcube_session=')) ?? '').slice('mcube_session='.length);
  return { cookie: pairs.join('; '), csrfToken: res.body.csrfToken as string, sessionToken };
}

/** Creates an API key for a role (as that role's session) and returns the clear key. */
export async function apiKeyFor(s: SecurityApp, role: Role): Promise<string> {
  const session = await login(s, role === 'viewer' ? 'admin' : role);
  const res = await s
    .http()
    .post('/api/api-keys')
    .set('cookie', session.cookie)
    .set('x-csrf-token', session.csrfToken)
    .send({ name: `${role}-key`, role })
    .expect(201);
  return res.body.key as string;
}

/** Every row of every application table (bookkeeping columns of access times left out). */
export async function dumpDatabase(ds: DataSource): Promise<Record<string, unknown[]>> {
  const listTables =
    ds.options.type === 'postgres'
      ? `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
      : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`;
  const tables = (await ds.query(listTables)) as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    // The market clock stores its own reading on a wall-time timer (its first row may appear
    // mid-test on a slow machine): bookkeeping of the process, never a write of a request.
    if (name === 'market_clock_states') continue;
    const rows = (await ds.query(`SELECT * FROM "${name}"`)) as Record<string, unknown>[];
    // Sorted: a table is a set, and PostgreSQL returns an updated row (a session's last_seen_at) at a new position.
    out[name] = rows
      .map((r) => {
        const { last_seen_at: _seen, last_used_at: _used, ...rest } = r;
        return rest;
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

/** Lines of `capturedLogs` containing any of the secrets (empty when clean). */
export function linesLeaking(secrets: readonly string[]): string[] {
  return capturedLogs.filter((line) => secrets.some((s) => s.length > 0 && line.includes(s)));
}
