import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// axe's aria-dialog-name: every ngb-modal-window needs an accessible name. ng-bootstrap sets it only
// from the `ariaLabelledBy` option, so an `open(...)` without it is an unnamed dialog (the browser
// suite catches it only when axe happens to run while that dialog is on the page).
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });

describe('modal dialogs', () => {
  const opens = sources(__dirname).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bthis\.modals?\.open\((\w+)\s*(,[^)]*)?\)/g)].map((m) => ({ file, call: m[0] })),
  );

  it('are found in the console (the scan works)', () => {
    expect(opens.length).toBeGreaterThanOrEqual(6);
  });

  it('every modal opened names its title with ariaLabelledBy', () => {
    expect(opens.filter((o) => !/ariaLabelledBy:\s*'[\w-]+'/.test(o.call))).toEqual([]);
  });

  it('every ariaLabelledBy names an id that exists in the console templates', () => {
    const templates = sources(__dirname).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const { call } of opens) {
      const id = /ariaLabelledBy:\s*'([\w-]+)'/.exec(call)?.[1];
      expect(templates).toContain(`id="${id}"`);
    }
  });
});
