/** Unit tests sit beside pure code; integration tests drive the API over HTTP. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testMatch: ['<rootDir>/api/src/**/*.test.ts', '<rootDir>/admin/src/**/*.test.ts', '<rootDir>/tests/integration/**/*.test.ts', '<rootDir>/schema/client/*.test.ts', '<rootDir>/tests/sdk/**/*.test.ts'],
  // the SDK from its sources, by its package name (and by its folder, which would otherwise resolve to its built dist)
  moduleNameMapper: { '^@tradebook/client$': '<rootDir>/schema/client/index.ts', '^(\\.\\./)+schema/client$': '<rootDir>/schema/client/index.ts' },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  // a hook that builds a world of documents takes seconds alone, but minutes when two workers share two busy cores
  testTimeout: 240000,
  maxWorkers: 2,
};
