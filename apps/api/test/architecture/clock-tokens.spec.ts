import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO, tsFiles } from './source-scan';

/** The API's sources, its tests and its benchmarks: wherever a clock is injected or overridden. */
const SCANNED = ['src', 'test', 'bench'].map((d) => join('apps', 'api', d));
/** The clock tokens an injection site may name: each says which time it means. */
const CLOCK_TOKENS = new Set(['WALL_CLOCK', 'MARKET_CLOCK', 'JOBS_CLOCK']);

/** The source without its comments (a comment may still tell the story of the old token). */
function codeOf(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Why a file may not contain this, or undefined when it may. */
function clockTokenViolation(source: string): string | undefined {
  const code = codeOf(source);
  if (/(?<![\w.])CLOCK\b/.test(code)) return 'names the ambiguous CLOCK token (say WALL_CLOCK or MARKET_CLOCK)';
  if (/['"`]mcube:clock['"`]/.test(code)) return "declares the old 'mcube:clock' symbol";
  const injected = /@Inject\((\w+)\)\s*(?:(?:private|protected|public|readonly)\s+)*\w+\??\s*:\s*Clock\b/g;
  for (let m = injected.exec(code); m; m = injected.exec(code)) {
    if (!CLOCK_TOKENS.has(m[1])) return `injects a Clock through ${m[1]}`;
  }
  return undefined;
}

describe('every clock injection names which clock it means (issue 13)', () => {
  it('finds no CLOCK token and no Clock injected through any other token in apps/api', () => {
    // This spec's own fixtures below spell the violations out.
    const files = SCANNED.flatMap((d) => tsFiles(join(REPO, d)))
      .filter((f) => f !== __filename)
      .map((f) => relative(REPO, f));
    expect(files.length).toBeGreaterThan(100);
    const sources = files.map((f) => ({ f, source: readFileSync(join(REPO, f), 'utf8') }));
    // The scan reads real injections: both tokens are in use.
    expect(sources.some((s) => /@Inject\(MARKET_CLOCK\)/.test(s.source))).toBe(true);
    expect(sources.some((s) => /@Inject\(WALL_CLOCK\)/.test(s.source))).toBe(true);
    const violations = sources
      .map(({ f, source }) => ({ f, why: clockTokenViolation(source) }))
      .filter((v) => v.why !== undefined)
      .map((v) => `${v.f}: ${v.why}`);
    expect(violations).toEqual([]);
  });

  it('recognises each kind of violation (so the scan above can fail)', () => {
    expect(clockTokenViolation(`import { CLOCK } from '../core/clock/clock.token';`)).toMatch(/CLOCK token/);
    expect(clockTokenViolation(`export const CLOCK = Symbol('mcube:x');`)).toMatch(/CLOCK token/);
    expect(clockTokenViolation(`providers: [{ provide: CLOCK, useExisting: MARKET_CLOCK }]`)).toMatch(/CLOCK token/);
    expect(clockTokenViolation(`overrides: [{ provide: CLOCK, useValue: clock }]`)).toMatch(/CLOCK token/);
    expect(clockTokenViolation(`export const PROCESS = Symbol('mcube:clock');`)).toMatch(/mcube:clock/);
    expect(clockTokenViolation(`constructor(@Inject(TIME) private readonly clock: Clock) {}`)).toMatch(/through TIME/);
    expect(clockTokenViolation(`constructor(@Inject(MARKET_CLOCK) private readonly clock: Clock) {}`)).toBeUndefined();
    expect(clockTokenViolation(`constructor(@Inject(WALL_CLOCK) wall: Clock, @Inject(JOBS_CLOCK) readonly jobs: Clock) {}`)).toBeUndefined();
    expect(clockTokenViolation(`// the old CLOCK token meant two clocks\nconst a = 1;`)).toBeUndefined();
    expect(clockTokenViolation(`/** Was \`CLOCK\`. */ const b = 2;`)).toBeUndefined();
  });
});
