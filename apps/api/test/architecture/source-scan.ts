import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, for paths reported relative to it. */
export const REPO = join(__dirname, '..', '..', '..', '..');

/** Every .ts file under `dir` (node_modules skipped); none when the folder does not exist. */
export function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Module specifiers a file imports or re-exports (static, dynamic and require). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push(m[1]);
  return out;
}
