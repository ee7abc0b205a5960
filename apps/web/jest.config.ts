/* eslint-disable */
const preset = require('../../jest.preset.js');

// Unit tests of the console's framework-free logic (form rules, backoff). The browser run in
// e2e/web is the proof of the pages themselves.
export default {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
