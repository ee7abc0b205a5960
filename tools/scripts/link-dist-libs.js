// After `tsc` compiles the API with its workspace libraries into dist/apps/api, make the
// `@mcube/*` aliases resolvable at run time by linking each library's compiled sources.
const { mkdirSync, rmSync, symlinkSync } = require('fs');
const { join } = require('path');

const dist = join(__dirname, '../../dist/apps/api');
const scope = join(dist, 'node_modules/@mcube');
mkdirSync(scope, { recursive: true });
for (const lib of ['domain', 'contracts']) {
  const link = join(scope, lib);
  rmSync(link, { force: true, recursive: true });
  symlinkSync(`../../libs/${lib}/src`, link, 'dir');
}
