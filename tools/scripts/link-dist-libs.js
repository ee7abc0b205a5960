// After `tsc` compiles the API with its workspace libraries into dist/apps/api, make the
// `@mcube/*` aliases of tsconfig.base.json resolvable at run time by linking each alias to
// its compiled entry point (test-only aliases are skipped).
const { existsSync, mkdirSync, rmSync, writeFileSync } = require('fs');
const { join, relative } = require('path');
const { compilerOptions } = require('../../tsconfig.base.json');

const dist = join(__dirname, '../../dist/apps/api');
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  if (alias.endsWith('/testing') || alias === '@mcube/testing') continue;
  const compiled = join(dist, target.replace(/\.ts$/, '.js'));
  if (!existsSync(compiled)) continue; // not used by the API, so not compiled
  const pkgDir = join(dist, 'node_modules', alias);
  rmSync(pkgDir, { force: true, recursive: true });
  mkdirSync(pkgDir, { recursive: true });
  writeFileSync(join(pkgDir, 'index.js'), `module.exports = require(${JSON.stringify(relative(pkgDir, compiled))});\n`);
}
