import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { envVariableNames } from '../../src/config/env.schema';

// No Docker engine runs here: this checks docker/compose.yml and docker/Dockerfile statically,
// the way `docker compose config` and a build would fail on them (README, "Docker").
const { load } = require('js-yaml') as { load: (text: string) => unknown };

const ROOT = resolve(__dirname, '../../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

type Yaml = Record<string, unknown>;
interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  env_file?: { path: string; required: boolean }[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
}

/** Resolves YAML merge keys (`<<: *anchor`) as compose does: the anchor's keys, then the own ones. */
function merged(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(merged);
  if (node === null || typeof node !== 'object') return node;
  const own = Object.entries(node as Yaml).filter(([k]) => k !== '<<');
  const base = (node as Yaml)['<<'];
  const bases = base === undefined ? [] : Array.isArray(base) ? base : [base];
  return Object.assign({}, ...bases.map((b) => merged(b)), Object.fromEntries(own.map(([k, v]) => [k, merged(v)])));
}

const composeText = read('docker/compose.yml');
const compose = merged(load(composeText)) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const envExample = new Set(read('.env.example').split('\n').map((l) => /^([A-Z][A-Z0-9_]*)=/.exec(l)?.[1]).filter(Boolean));
const dockerfile = read('docker/Dockerfile');
const dockerignore = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

/** The source file a `dist/apps/api/apps/api/src/….js` entry point is compiled from. */
const sourceOf = (distJs: string) => distJs.replace(/^dist\/apps\/api\//, '').replace(/\.js$/, '.ts');

describe('docker/compose.yml', () => {
  it('runs the API, a separate worker, PostgreSQL, Redis, Chroma and Ollama, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'chroma', 'ollama', 'postgres', 'redis', 'worker']);
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, test: service.healthcheck?.test?.length ?? 0 }).toEqual({ name, test: expect.any(Number) });
      expect(service.healthcheck?.test?.[0]).toMatch(/^CMD(-SHELL)?$/);
      expect(service.healthcheck?.test?.length).toBeGreaterThan(1);
    }
  });

  it('builds the API image from the repository and runs the worker entry point of the same image without HTTP', () => {
    const { api, worker } = compose.services;
    expect(api.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(existsSync(resolve(ROOT, 'docker', api.build?.context as string, api.build?.dockerfile as string))).toBe(true);
    expect(worker.image).toBe(api.image);
    expect(worker.command?.slice(0, 1)).toEqual(['node']);
    expect(existsSync(join(ROOT, sourceOf(worker.command?.[1] as string)))).toBe(true);
    expect(sourceOf(worker.command?.[1] as string)).toBe('apps/api/src/worker.ts');
    expect(worker.ports).toBeUndefined();
    // The API publishes its port on loopback only; the metrics port is published by nobody.
    expect(api.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(composeText).not.toMatch(/9464:9464/);
  });

  it('starts the app containers after healthy dependencies, on PostgreSQL and Redis, with the jobs in the worker', () => {
    const { api, worker } = compose.services;
    for (const service of [api, worker]) {
      for (const [dep, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(compose.services[dep]?.healthcheck).toBeDefined();
        expect(condition).toBe('service_healthy');
      }
      expect(service.environment?.['DATABASE_URL']).toMatch(/^postgres:\/\/mcube:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/mcube$/);
      expect(service.environment?.['REDIS_URL']).toBe('redis://redis:6379');
    }
    expect(Object.keys(api.depends_on ?? {}).sort()).toEqual(['postgres', 'redis']);
    expect(Object.keys(worker.depends_on ?? {}).sort()).toEqual(['api', 'postgres', 'redis']);
    expect(api.environment?.['MCUBE_RUN_WORKERS']).toBe('false');
    expect(worker.environment?.['MCUBE_JOB_SCHEDULE']).toBe('false');
  });

  it('sets only variables the API declares and .env.example documents', () => {
    const declared = new Set(envVariableNames());
    for (const service of [compose.services['api'], compose.services['worker']]) {
      for (const key of Object.keys(service.environment ?? {})) {
        expect({ key, declared: declared.has(key), documented: envExample.has(key) }).toEqual({ key, declared: true, documented: true });
      }
    }
  });

  it('keeps data in named volumes that are all declared (and all used)', () => {
    const used = new Set<string>();
    for (const service of Object.values(compose.services)) {
      for (const v of service.volumes ?? []) {
        const [source, target] = v.split(':');
        expect(target).toMatch(/^\//);
        used.add(source);
      }
    }
    expect([...used].sort()).toEqual(Object.keys(compose.volumes).sort());
    expect(compose.services['postgres'].volumes).toEqual(['pg-data:/var/lib/postgresql/data']);
    expect(compose.services['redis'].volumes).toEqual(['redis-data:/data']);
  });

  it('holds no secret: passwords come from the environment, and every compose variable is documented in docker/README.md', () => {
    expect(composeText).not.toMatch(/^\s*[A-Z_]*(PASSWORD|SECRET|TOKEN|KEY):\s*(?!\$\{)\S+/m);
    const readme = read('docker/README.md');
    const variables = new Set([...composeText.matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]));
    expect([...variables].sort()).toEqual(['MCUBE_ENV_FILE', 'MCUBE_QUEUE_PREFIX', 'POSTGRES_PASSWORD']);
    for (const v of variables) expect(readme).toContain(`\`${v}\``);
  });
});

describe('docker/Dockerfile', () => {
  const lines = dockerfile.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
  const stages = lines.filter((l) => l.startsWith('FROM ')).map((l) => /\bAS\s+(\S+)/i.exec(l)?.[1]);

  it('builds in a named stage and runs in a slim one as the unprivileged node user', () => {
    expect(stages).toEqual(['build', 'runtime']);
    expect(lines.find((l) => l.startsWith('FROM ') && l.includes('AS runtime'))).toContain('-slim');
    expect(lines.filter((l) => l.startsWith('USER '))).toEqual(['USER node']);
    expect(lines.find((l) => l.startsWith('EXPOSE '))?.split(/\s+/).slice(1).sort()).toEqual(['3000', '9464']);
  });

  it('copies only paths that exist in the repository and are not excluded from the build context', () => {
    const copies = lines.filter((l) => l.startsWith('COPY ') && !l.includes('--from='));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const parts = copy.split(/\s+/).slice(1);
      for (const source of parts.slice(0, -1)) {
        expect({ source, exists: existsSync(join(ROOT, source)) }).toEqual({ source, exists: true });
        expect({ source, ignored: dockerignore.includes(source.replace(/^\.\//, '')) }).toEqual({ source, ignored: false });
      }
    }
    // The build needs the workspace configuration and every project's sources.
    const copied = copies.flatMap((c) => c.split(/\s+/).slice(1, -1));
    for (const needed of ['package.json', 'package-lock.json', 'nx.json', 'tsconfig.base.json', 'apps', 'libs', 'tools']) expect(copied).toContain(needed);
  });

  it('copies between stages only from a stage defined before, and starts entry points that the build compiles', () => {
    for (const l of lines.filter((x) => x.includes('--from='))) {
      const from = /--from=(\S+)/.exec(l)?.[1];
      expect(stages.slice(0, stages.indexOf('runtime'))).toContain(from);
    }
    const cmd = lines.find((l) => l.startsWith('CMD '))?.slice(4) ?? '';
    const entries = [...cmd.matchAll(/dist\/apps\/api\/\S+?\.js/g)].map((m) => m[0]);
    expect(entries.map(sourceOf)).toEqual(['apps/api/src/cli/init.ts', 'apps/api/src/main.ts']);
    for (const e of entries) expect(existsSync(join(ROOT, sourceOf(e)))).toBe(true);
    // The build of those entry points: the api project's build (tsc into dist/apps/api).
    expect(lines.some((l) => l.includes('nx run-many -t build -p api web'))).toBe(true);
    expect(read('apps/api/project.json')).toContain('tsc -p apps/api/tsconfig.app.json');
  });
});
