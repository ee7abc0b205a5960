// Shared jest setup: SWC transpiles TypeScript (with decorator metadata for Nest),
// and the workspace path aliases of tsconfig.base.json resolve to their sources.
const path = require('path');

// Market time is IST and must never depend on the host zone: tests run in a zone far from it.
process.env.TZ = 'America/New_York';
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias}$`] = path.join(__dirname, target);
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testTimeout: 30000,
  reporters: ['default', path.join(__dirname, 'tools/testing/summary-reporter.js')],
};
