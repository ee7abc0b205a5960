import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO, tsFiles } from './source-scan';

const API_SRC = join('apps', 'api', 'src');
const EVENTS_MODULE = join(API_SRC, 'modules', 'core', 'events', 'events.module.ts');

/** Production sources only: hand-built test modules provide their own bus. */
function isProduction(file: string): boolean {
  return !/\.(spec|int-spec)\.ts$/.test(file);
}

/** The names a `@Module` lists under `key` (providers, exports), from the source text. */
function listed(source: string, key: 'providers' | 'exports'): string[] {
  const names: string[] = [];
  const re = new RegExp(`\\b${key}\\s*:\\s*\\[([^\\]]*)\\]`, 'g');
  for (let m = re.exec(source); m; m = re.exec(source)) names.push(...m[1].split(/[\s,]+/).filter(Boolean));
  return names;
}

describe('the app-wide event bus lives in core (issue 13)', () => {
  const files = tsFiles(join(REPO, API_SRC))
    .map((path) => ({ path: relative(REPO, path), source: readFileSync(path, 'utf8') }))
    .filter(({ path }) => isProduction(path));

  it('is provided and exported by the global EventsModule of core/events, and by no other module', () => {
    expect(files.length).toBeGreaterThan(100);
    const events = files.find(({ path }) => path === EVENTS_MODULE);
    expect(events?.source).toMatch(/@Global\(\)/);
    for (const key of ['providers', 'exports'] as const) {
      expect(listed(events!.source, key)).toEqual(expect.arrayContaining(['AppEventsBus', 'CrossProcessEventsRelay']));
      const others = files.filter(({ path, source }) => path !== EVENTS_MODULE && listed(source, key).some((n) => n === 'AppEventsBus' || n === 'CrossProcessEventsRelay'));
      expect(others.map(({ path }) => path)).toEqual([]);
    }
  });

  it('is the only event bus: no file declares another *EventsBus class, and nothing imports the old data/snapshots location', () => {
    const declared = files.filter(({ source }) => /\bclass\s+\w*EventsBus\b/.test(source)).map(({ path }) => path);
    expect(declared).toEqual([join(API_SRC, 'modules', 'core', 'events', 'app-events.bus.ts')]);
    const stale = files.filter(({ source }) => /snapshots\/(market-events\.bus|cross-process-events)/.test(source)).map(({ path }) => path);
    expect(stale).toEqual([]);
  });

  it('reads a module\'s lists (so the scan above can fail)', () => {
    const source = `@Module({ imports: [X], providers: [A, AppEventsBus,\n B], exports: [AppEventsBus] })`;
    expect(listed(source, 'providers')).toEqual(['A', 'AppEventsBus', 'B']);
    expect(listed(source, 'exports')).toEqual(['AppEventsBus']);
  });
});
