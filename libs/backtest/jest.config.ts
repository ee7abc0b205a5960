/* eslint-disable */
const preset = require('../../jest.preset.js');

export default {
  ...preset,
  displayName: 'backtest',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
