/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // Synthesis and terraform runs take seconds; timing thresholds belong in `make bench`, not here.
  testTimeout: 180000,
  // Measured (docs/decisions/0019): a second worker costs 3 % more CPU and halves the wall time on two cores.
  maxWorkers: 2,
  // One synthesis of the example configuration per run, shared by the suites that only read it.
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  globalTeardown: '<rootDir>/tests/support/global-teardown.js',
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
