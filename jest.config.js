/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // Synthesis and terraform runs take seconds; timing thresholds belong in `make bench`, not here.
  testTimeout: 180000,
  // Both cores: most suites wait on child processes (tsx, terraform), so two workers overlap well.
  maxWorkers: 2,
  // One synthesis of the example configuration per run, shared by the suites that only read it.
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  globalTeardown: '<rootDir>/tests/support/global-teardown.js',
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
