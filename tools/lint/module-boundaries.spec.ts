import { spawnSync } from 'child_process';
import { resolve } from 'path';

const root = resolve(__dirname, '../..');

interface LintMessage { ruleId: string | null; message: string }

// Runs the real ESLint CLI with the workspace config, as `npm run lint` does, on code that
// pretends to live at `filePath`.
async function lintAs(filePath: string, code: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [resolve(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', filePath],
    { cwd: root, input: code, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  if (!run.stdout) throw new Error(`eslint produced no output: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout.slice(run.stdout.indexOf('['))) as { messages: LintMessage[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries', () => {
  // The Nx rule needs the project graph on disk, which any nx command writes; without it
  // the rule would silently skip, so build it first.
  beforeAll(() => {
    const graph = spawnSync(process.execPath, [resolve(root, 'node_modules/nx/bin/nx.js'), 'show', 'projects'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    if (graph.status !== 0) throw new Error(`nx show projects failed: ${graph.stderr}`);
  }, 120_000);

  const probe = 'libs/domain/src/probe-for-lint.ts';

  it('rejects a framework import in libs/domain', async () => {
    const messages = await lintAs(probe, "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
    expect(messages.join('\n')).toMatch(/@nx\/enforce-module-boundaries.*@nestjs\/common/);
  });

  it('rejects an I/O import in libs/domain', async () => {
    const messages = await lintAs(probe, "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n");
    expect(messages.join('\n')).toMatch(/no-restricted-imports.*fs/);
  });

  it('rejects an import of another project of ours in libs/domain', async () => {
    const messages = await lintAs(probe, "import { ErrorResponse } from '@mcube/contracts';\nexport type X = ErrorResponse;\n");
    expect(messages.join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('rejects reading the clock in libs/domain', async () => {
    const messages = await lintAs(probe, 'export const now = Date.now();\nexport const d = new Date();\n');
    expect(messages.filter((m) => m.startsWith('no-restricted-'))).toHaveLength(2);
  });

  it('accepts a pure module in libs/domain', async () => {
    const messages = await lintAs(probe, 'export const double = (n: number): number => n * 2;\n');
    expect(messages).toEqual([]);
  });

  it('keeps libs/llm on the domain only: a strategy import is rejected', async () => {
    const messages = await lintAs('libs/llm/src/probe-for-lint.ts', "import { IciciFuturesStrategy } from '@mcube/strategy-icici-futures';\nexport const S = IciciFuturesStrategy;\n");
    expect(messages.join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
    expect(await lintAs('libs/llm/src/probe-for-lint.ts', "import { DomainError } from '@mcube/domain';\nexport const E = DomainError;\n")).toEqual([]);
  });

  it('lets the api import the domain', async () => {
    const messages = await lintAs('apps/api/src/probe-for-lint.ts', "import { DomainError } from '@mcube/domain';\nexport const E = DomainError;\n");
    expect(messages).toEqual([]);
  });
});
