import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { importsOf, REPO, tsFiles } from './source-scan';

const API_SRC = join('apps', 'api', 'src');
const MODULES = join(API_SRC, 'modules');

/** Production sources only: specs build fixtures from any module's rows on purpose. */
function isProduction(file: string): boolean {
  return !/\.(spec|int-spec)\.ts$/.test(file);
}

/** The module folder of a repo-relative path under MODULES, or undefined outside it. */
function moduleOf(path: string): string | undefined {
  const rel = relative(MODULES, path);
  return rel.startsWith('..') ? undefined : rel.split(sep)[0];
}

/** The table names a source declares with `@Entity('name')` (an `@Entity()` without a name counts as ''). */
function tablesOf(source: string): string[] {
  const out: string[] = [];
  const re = /@Entity\(\s*(?:['"]([^'"]*)['"])?/g;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push(m[1] ?? '');
  return out;
}

interface Source {
  readonly path: string;
  readonly source: string;
}

/** The entity files among `files` (repo-relative paths). */
function entityFiles(files: readonly Source[]): Set<string> {
  return new Set(files.filter(({ source }) => tablesOf(source).length > 0).map(({ path }) => path));
}

/**
 * "importer -> entity file" for every file under MODULES that imports (statically, dynamically,
 * by re-export, type-only included) an entity file, of ANOTHER module only when `crossModuleOnly`, sorted.
 */
function entityImports(files: readonly Source[], entities: ReadonlySet<string>, crossModuleOnly: boolean): string[] {
  const out = new Set<string>();
  for (const { path, source } of files) {
    const from = moduleOf(path);
    if (!from) continue;
    for (const spec of importsOf(source)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(REPO, resolve(REPO, dirname(path), spec)) + '.ts';
      if (!entities.has(target)) continue;
      if (!crossModuleOnly || moduleOf(target) !== from) out.add(`${relative(MODULES, path)} -> ${relative(MODULES, target)}`);
    }
  }
  return [...out].sort();
}

/** The imports of another module's entity (the ones table ownership forbids). */
function crossModuleEntityImports(files: readonly Source[], entities: ReadonlySet<string>): string[] {
  return entityImports(files, entities, true);
}

describe('every table is owned by one module (issue 13)', () => {
  const files: Source[] = tsFiles(join(REPO, API_SRC))
    .map((abs) => relative(REPO, abs))
    .filter(isProduction)
    .map((path) => ({ path, source: readFileSync(join(REPO, path), 'utf8') }));
  const entities = entityFiles(files);

  it('declares each entity inside a module folder, each table once, by name', () => {
    expect(entities.size).toBeGreaterThan(40);
    expect([...entities].filter((p) => !moduleOf(p))).toEqual([]);
    const tables = files.flatMap(({ source }) => tablesOf(source));
    expect(tables.filter((t) => t === '')).toEqual([]);
    expect(tables.filter((t, i) => tables.indexOf(t) !== i)).toEqual([]);
  });

  it('finds no import of another module\'s entity (they read and write through the owner\'s functions)', () => {
    // The scan sees real imports: positions' reads for other modules read its own rows (allowed).
    expect(entityImports(files, entities, false)).toContain('positions/position-reads.ts -> positions/entities/position.entity.ts');
    expect(crossModuleEntityImports(files, entities)).toEqual([]);
  });

  it('declares foreign keys to another module\'s table with @ForeignKey by entity name, never as a relation by name', () => {
    // A relation by name would let code load another module's rows without the import the scan sees.
    const byName = files.filter(({ source }) => /@(ManyToOne|OneToOne|OneToMany|ManyToMany)\(\s*['"]/.test(source)).map(({ path }) => path);
    expect(byName).toEqual([]);
    const classes = new Set(files.flatMap(({ source }) => [...source.matchAll(/@Entity\([^)]*\)[\s\S]*?export class (\w+)/g)].map((m) => m[1])));
    const named = files.flatMap(({ source }) => [...source.matchAll(/@ForeignKey\(\s*['"](\w+)['"]/g)].map((m) => m[1]));
    expect(named.length).toBeGreaterThanOrEqual(17);
    expect(named.filter((n) => !classes.has(n))).toEqual([]);
  });

  it('recognises an entity import of another module through any kind of import (so the scan above can fail)', () => {
    const at = (p: string) => join(MODULES, p);
    const fixture: Source[] = [
      { path: at('risk/entities/risk-limit.entity.ts'), source: `@Entity('risk_limits')\nexport class RiskLimit {}` },
      { path: at('orders/entities/order.entity.ts'), source: `@Entity('orders')\nexport class Order {}` },
      { path: at('orders/x.ts'), source: `import type { RiskLimit } from '../risk/entities/risk-limit.entity';` },
      { path: at('orders/y.ts'), source: `import { Order } from './entities/order.entity';` },
      { path: at('alerts/z.ts'), source: `const m = await import('../orders/entities/order.entity');` },
      { path: at('analytics/w.ts'), source: `export { RiskLimit } from '../risk/entities/risk-limit.entity';` },
    ];
    expect(crossModuleEntityImports(fixture, entityFiles(fixture))).toEqual([
      'alerts/z.ts -> orders/entities/order.entity.ts',
      'analytics/w.ts -> risk/entities/risk-limit.entity.ts',
      'orders/x.ts -> risk/entities/risk-limit.entity.ts',
    ]);
    expect(tablesOf(`@Entity('a')\n@Entity()`)).toEqual(['a', '']);
  });
});
