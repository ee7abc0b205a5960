import nx from '@nx/eslint-plugin';

// Node built-ins and I/O libraries the pure domain must never touch (time and data come in as arguments).
const IO_AND_FRAMEWORKS = [
  '@nestjs/*', 'typeorm', '@angular/*', 'rxjs', 'express', 'ioredis', 'bullmq', 'pg', 'better-sqlite3',
  'fs', 'fs/*', 'path', 'http', 'https', 'http2', 'net', 'dgram', 'dns', 'tls', 'os', 'crypto',
  'child_process', 'worker_threads', 'cluster', 'zlib', 'stream', 'readline', 'node:*',
];

const NODE_BUILTINS = [
  'fs', 'path', 'http', 'https', 'http2', 'net', 'dgram', 'dns', 'tls', 'os', 'crypto', 'child_process',
  'worker_threads', 'cluster', 'zlib', 'stream', 'readline', 'process', 'timers', 'url', 'util', 'v8', 'vm',
];

// Test code may also use the shared test helpers of tools/testing (`@mcube/testing`).
// Broker adapters' integration specs may also drive them with the market simulator.
const TEST_ONLY_DEPS = { 'scope:brokers': ['scope:market-sim'], 'scope:strategies': ['scope:market-sim'] };
const withTools = (allow, constraints) =>
  allow
    ? constraints.map((c) => ({
        ...c,
        onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'scope:testing', ...(TEST_ONLY_DEPS[c.sourceTag] ?? [])],
      }))
    : constraints;

const boundaries = (domainBans, allowTools = false) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: withTools(allowTools, [
      { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: [], bannedExternalImports: domainBans },
      { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: [], bannedExternalImports: IO_AND_FRAMEWORKS },
      { sourceTag: 'scope:strategies', onlyDependOnLibsWithTags: ['scope:domain'] },
      { sourceTag: 'scope:brokers', onlyDependOnLibsWithTags: ['scope:domain'] },
      { sourceTag: 'scope:market-sim', onlyDependOnLibsWithTags: ['scope:domain'] },
      { sourceTag: 'scope:llm', onlyDependOnLibsWithTags: ['scope:domain'] },
      { sourceTag: 'scope:backtest', onlyDependOnLibsWithTags: ['scope:domain', 'scope:strategies', 'scope:brokers', 'scope:market-sim'] },
      { sourceTag: 'scope:ui', onlyDependOnLibsWithTags: ['scope:contracts'] },
      { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:domain', 'scope:contracts', 'scope:strategies', 'scope:brokers', 'scope:market-sim', 'scope:backtest', 'scope:llm'] },
      // The console may use the domain's pure pricing (its one entry point, see the rule on apps/web below), nothing else of it.
      { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:ui', 'scope:domain'] },
      { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
      { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: [] },
    ]),
  },
];

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.angular', '**/tmp', '**/coverage', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(IO_AND_FRAMEWORKS),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The pure domain has no clock and no randomness of its own.
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['libs/domain/src/**/*.spec.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The domain takes time as an argument (Clock port).' },
        { object: 'Math', property: 'random', message: 'The domain is deterministic: take a seed or values as arguments.' },
        { object: 'process', message: 'The domain does not read the process environment.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the clock: take time as an argument.' },
      ],
      'no-restricted-globals': ['error', 'fetch', 'setTimeout', 'setInterval', 'require'],
      // Node built-ins are not npm packages, so the Nx rule cannot see them: ban them here.
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'libs/domain is pure: no I/O or platform modules.' })),
          patterns: [{ group: ['node:*', 'fs/*'], message: 'libs/domain is pure: no I/O or platform modules.' }],
        },
      ],
    },
  },
  {
    // The console prices with the domain's Black-Scholes (no second copy) but reaches only its
    // pure pricing entry point: the rest of the domain (risk, orders, positions) is the API's.
    files: ['apps/web/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@mcube/domain', message: 'The console may import only @mcube/domain/pricing (pure pricing) from the domain.' }],
          patterns: [{ group: ['@mcube/domain/*', '!@mcube/domain/pricing'], message: 'The console may import only @mcube/domain/pricing (pure pricing) from the domain.' }],
        },
      ],
    },
  },
  {
    // Specs may read the shared market data in place (never copied into the repository).
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts', '**/testing/**/*.ts', 'tools/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries([], true) },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
];
