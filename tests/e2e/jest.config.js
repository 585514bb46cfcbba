/**
 * Browser tests of the console (`npm run test:e2e`, which builds admin/dist first): each file
 * starts the real API in-process, which serves the built console at /, and drives it
 * with headless Chromium through playwright-core. One file at a time: browsers are heavy.
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  moduleNameMapper: require('../../jest.config.js').moduleNameMapper,
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 240000,
  maxWorkers: 1,
};
