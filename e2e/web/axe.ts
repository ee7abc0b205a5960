import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';

/** axe-core's browser build, read once from node_modules (never fetched). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (from node_modules, never fetched) on the page as it is and returns
 * each critical or serious violation as "id (impact): help at selector, …".
 */
export async function axeSeriousOrWorse(page: Page): Promise<string[]> {
  // Half-faded content (a dialog closing, a toast fading in) reads as low contrast: let every
  // finite CSS transition or animation end first (spinners run forever and are left alone).
  await page.evaluate(`Promise.race([
    Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined))),
    new Promise((resolve) => setTimeout(resolve, 2000)),
  ])`);
  // Evaluated over the DevTools protocol: the console's CSP (script-src 'self') rightly refuses an injected <script>.
  await page.evaluate(AXE_SOURCE);
  // A string: it runs in the page, where the e2e project's types (no DOM) do not apply.
  const violations = await page.evaluate<unknown[]>(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`);
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
}
