/* eslint-disable */
const preset = require('../jest.preset.js');

export default {
  ...preset,
  displayName: 'tools',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/bench/'],
};
