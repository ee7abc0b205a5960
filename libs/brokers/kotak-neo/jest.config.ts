/* eslint-disable */
const preset = require('../../../jest.preset.js');

export default {
  ...preset,
  displayName: 'brokers-kotak-neo',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
