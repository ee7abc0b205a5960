/* eslint-disable */
const preset = require('../../../jest.preset.js');

export default {
  ...preset,
  displayName: 'brokers-icici-breeze',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
