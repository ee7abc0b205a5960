import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO, tsFiles } from './source-scan';

const API_SRC = join('apps', 'api', 'src');

/**
 * Functions that build or read a market source's or broker's own contract symbol. API code names
 * a contract by its `InstrumentId` (or its canonical `instrumentKey`); the adapters map it at
 * their edge, so none of these may appear in API production code (issue 13).
 */
const SOURCE_SYMBOL_FUNCTIONS = ['contractSymbol', 'parseContractSymbol', 'simContractSymbolOf', 'optionSymbolOf'];

function isProduction(file: string): boolean {
  return !/\.(spec|int-spec)\.ts$/.test(file);
}

/** The source-symbol functions a file names (called, imported or re-exported). */
function sourceSymbolUses(source: string): string[] {
  return SOURCE_SYMBOL_FUNCTIONS.filter((name) => new RegExp(`(?<![\\w.$])${name}\\b`).test(source));
}

describe('API code names contracts by InstrumentId, never by a source symbol (issue 13)', () => {
  it('no production file in apps/api/src uses a source-symbol function', () => {
    const files = tsFiles(join(REPO, API_SRC))
      .map((f) => relative(REPO, f))
      .filter(isProduction);
    expect(files.length).toBeGreaterThan(100);
    const violations = files.map((f) => ({ f, uses: sourceSymbolUses(readFileSync(join(REPO, f), 'utf8')) })).filter((v) => v.uses.length > 0).map((v) => `${v.f}: ${v.uses.join(', ')}`);
    expect(violations).toEqual([]);
  });

  it('recognises each use (so the scan above can fail)', () => {
    expect(sourceSymbolUses(`import { contractSymbol } from '@mcube/domain';`)).toEqual(['contractSymbol']);
    expect(sourceSymbolUses(`const i = parseContractSymbol(key);`)).toEqual(['parseContractSymbol']);
    expect(sourceSymbolUses(`market.quote(simContractSymbolOf(i))`)).toEqual(['simContractSymbolOf']);
    expect(sourceSymbolUses(`market.quote(optionSymbolOf(leg.instrument))`)).toEqual(['optionSymbolOf']);
    expect(sourceSymbolUses(`market.quote(instrumentKey(leg.instrument))`)).toEqual([]);
    expect(sourceSymbolUses(`const s = order.contractSymbolText;`)).toEqual([]);
    expect(sourceSymbolUses(`this.contractSymbol = x;`)).toEqual([]);
  });
});
