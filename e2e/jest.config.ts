/* eslint-disable */
const preset = require('../jest.preset.js');

export default {
  ...preset,
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
