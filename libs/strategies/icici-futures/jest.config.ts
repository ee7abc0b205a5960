/* eslint-disable */
const preset = require('../../../jest.preset.js');

export default {
  ...preset,
  displayName: 'strategy-icici-futures',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
