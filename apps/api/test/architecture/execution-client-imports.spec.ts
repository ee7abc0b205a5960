import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { importsOf, REPO, tsFiles } from './source-scan';

const ORDERS_DIR = join('apps', 'api', 'src', 'modules', 'orders') + sep;
const SCANNED = [join('apps', 'api', 'src'), join('libs', 'strategies')];

/** Why a file outside the orders module may not contain this, or undefined when it may. */
function executionClientViolation(source: string): string | undefined {
  const bad = importsOf(source).find((spec) => spec.startsWith('@mcube/brokers-') || spec.includes('libs/brokers') || spec.endsWith('execution-clients.token') || spec.endsWith('/paper.execution-client'));
  if (bad) return `imports ${bad}`;
  if (/\bEXECUTION_CLIENTS\b/.test(source)) return 'uses the EXECUTION_CLIENTS token';
  return undefined;
}

describe('no module but orders can reach a broker', () => {
  it('finds no import of an execution client implementation or of the EXECUTION_CLIENTS token outside apps/api/src/modules/orders', () => {
    const files = SCANNED.flatMap((d) => tsFiles(join(REPO, d))).map((f) => relative(REPO, f));
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.startsWith(ORDERS_DIR))).toBe(true);
    const violations = files
      .filter((f) => !f.startsWith(ORDERS_DIR))
      .map((f) => ({ f, why: executionClientViolation(readFileSync(join(REPO, f), 'utf8')) }))
      .filter((v) => v.why !== undefined)
      .map((v) => `${v.f}: ${v.why}`);
    expect(violations).toEqual([]);
  });

  it('recognises each kind of violation (so the scan above can fail)', () => {
    expect(executionClientViolation(`import { PaperExecutionClient } from '@mcube/brokers-paper';`)).toMatch(/brokers-paper/);
    expect(executionClientViolation(`const k = await import('@mcube/brokers-kotak');`)).toMatch(/brokers-kotak/);
    expect(executionClientViolation(`export * from '../../../libs/brokers/paper/src';`)).toMatch(/libs\/brokers/);
    expect(executionClientViolation(`import { EXECUTION_CLIENTS } from '../orders/execution-clients.token';`)).toMatch(/execution-clients.token/);
    expect(executionClientViolation(`@Inject(EXECUTION_CLIENTS) clients`)).toMatch(/token/);
    expect(executionClientViolation(`import { OrdersService } from '../orders/order-gateway.service';`)).toBeUndefined();
    expect(executionClientViolation(`import type { ExecutionClient } from '@mcube/domain';`)).toBeUndefined();
  });
});
