import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importsOf, REPO, tsFiles } from './source-scan';

const API_SRC = join('apps', 'api', 'src');
/** The one production file allowed to know the simulator: it builds the configured market source. */
const MARKET_SOURCE_FACTORY = join(API_SRC, 'modules', 'data', 'source', 'market-source.factory.ts');

/** Production sources only: specs (unit and integration) may build a simulator for their fixtures. */
function isProduction(file: string): boolean {
  return !/\.(spec|int-spec)\.ts$/.test(file);
}

/** Why a file may not contain this, or undefined when it may. */
function marketSimViolation(source: string): string | undefined {
  const bad = importsOf(source).find((spec) => spec === '@mcube/market-sim' || spec.startsWith('@mcube/market-sim/') || spec.includes('libs/market-sim'));
  return bad ? `imports ${bad}` : undefined;
}

describe('no API production code but the market-source factory imports the simulator (issue 13)', () => {
  it('finds no import of @mcube/market-sim in apps/api/src outside data/source/market-source.factory.ts', () => {
    const files = tsFiles(join(REPO, API_SRC))
      .map((f) => relative(REPO, f))
      .filter(isProduction);
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(MARKET_SOURCE_FACTORY);
    // The factory itself must still be what it says (else the exception hides a move).
    expect(marketSimViolation(readFileSync(join(REPO, MARKET_SOURCE_FACTORY), 'utf8'))).toBeDefined();
    const violations = files
      .filter((f) => f !== MARKET_SOURCE_FACTORY)
      .map((f) => ({ f, why: marketSimViolation(readFileSync(join(REPO, f), 'utf8')) }))
      .filter((v) => v.why !== undefined)
      .map((v) => `${v.f}: ${v.why}`);
    expect(violations).toEqual([]);
  });

  it('recognises each kind of violation (so the scan above can fail)', () => {
    expect(marketSimViolation(`import { contractSymbol } from '@mcube/market-sim';`)).toMatch(/market-sim/);
    expect(marketSimViolation(`import type { ChainAnalytics } from "@mcube/market-sim";`)).toMatch(/market-sim/);
    expect(marketSimViolation(`const sim = await import('@mcube/market-sim');`)).toMatch(/market-sim/);
    expect(marketSimViolation(`export * from '../../../../libs/market-sim/src/chain-analytics';`)).toMatch(/libs\/market-sim/);
    expect(marketSimViolation(`import { analyzeChain } from '@mcube/domain';`)).toBeUndefined();
    expect(isProduction('apps/api/src/modules/data/snapshots/snapshots.int-spec.ts')).toBe(false);
    expect(isProduction('apps/api/src/modules/data/market/chain-view.ts')).toBe(true);
  });
});
