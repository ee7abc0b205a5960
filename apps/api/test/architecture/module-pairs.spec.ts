import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { importsOf, REPO, tsFiles } from './source-scan';

const MODULES = join('apps', 'api', 'src', 'modules');

/**
 * Pairs of module folders that still import each other (file level), sorted, each "a<->b" with
 * a < b. Issue 13 asks for none, and none is left (apps/api/ARCHITECTURE.md). The list must
 * stay empty: the test fails on any new pair.
 */
const REMAINING_PAIRS: string[] = [];

/** Pairs removed so far (issue 13): they must stay removed. */
const REMOVED_PAIRS = [
  'accounts<->analytics',
  'accounts<->orders',
  'accounts<->positions',
  'accounts<->risk',
  'accounts<->strategies',
  'alerts<->analytics',
  'alerts<->orders',
  'alerts<->positions',
  'alerts<->risk',
  'alerts<->strategies',
  'analytics<->risk',
  'orders<->positions',
  'orders<->risk',
  'positions<->risk',
  'positions<->strategies',
];

/** The module folder a path under MODULES belongs to, or undefined outside it. */
function moduleOf(pathFromModules: string): string | undefined {
  if (pathFromModules.startsWith('..')) return undefined;
  return pathFromModules.split(sep)[0];
}

/**
 * Module-to-module edges of production files: "a->b" when a file under modules/a imports
 * (statically, dynamically or by re-export) a relative path under modules/b.
 */
function moduleEdges(files: readonly { path: string; source: string }[], modulesRoot: string): Set<string> {
  const edges = new Set<string>();
  for (const { path, source } of files) {
    const from = moduleOf(relative(modulesRoot, path));
    if (!from) continue;
    for (const spec of importsOf(source)) {
      if (!spec.startsWith('.')) continue;
      const to = moduleOf(relative(modulesRoot, resolve(dirname(path), spec)));
      if (to && to !== from) edges.add(`${from}->${to}`);
    }
  }
  return edges;
}

/** The mutual pairs among edges, "a<->b" with a < b, sorted. */
function mutualPairs(edges: ReadonlySet<string>): string[] {
  const pairs = new Set<string>();
  for (const edge of edges) {
    const [a, b] = edge.split('->');
    if (edges.has(`${b}->${a}`)) pairs.add(a < b ? `${a}<->${b}` : `${b}<->${a}`);
  }
  return [...pairs].sort();
}

/** Production sources only: specs wire several modules together on purpose. */
function isProduction(file: string): boolean {
  return !/\.(spec|int-spec)\.ts$/.test(file);
}

describe('module folders do not import each other in pairs (issue 13)', () => {
  const root = join(REPO, MODULES);
  const files = tsFiles(root)
    .filter(isProduction)
    .map((path) => ({ path, source: readFileSync(path, 'utf8') }));
  const edges = moduleEdges(files, root);
  const pairs = mutualPairs(edges);

  it('finds exactly the listed remaining pairs (none new, none fixed but still listed)', () => {
    expect(files.length).toBeGreaterThan(100);
    // The scan sees real edges: the gateway's module reads risk, the telegram bot reads orders.
    expect(edges).toContain('orders->risk');
    expect(edges).toContain('telegram->orders');
    expect(pairs).toEqual(REMAINING_PAIRS);
  });

  it('keeps the removed pairs removed', () => {
    for (const pair of REMOVED_PAIRS) expect(pairs).not.toContain(pair);
  });

  it('recognises a mutual pair through any kind of import (so the scans above can fail)', () => {
    const at = (p: string) => join(root, p);
    const found = moduleEdges(
      [
        { path: at('risk/breaker/x.ts'), source: `import type { SubmitResult } from '../../orders/gateway-intent';` },
        { path: at('orders/y.ts'), source: `const r = await import('../risk/context/risk-context.service');` },
        { path: at('alerts/z.ts'), source: `export * from '../data/tokens';` },
        { path: at('alerts/w.ts'), source: `import { A } from './local'; import { B } from '@mcube/domain'; import { C } from '../../common/c';` },
      ],
      root,
    );
    expect([...found].sort()).toEqual(['alerts->data', 'orders->risk', 'risk->orders']);
    expect(mutualPairs(found)).toEqual(['orders<->risk']);
  });
});
