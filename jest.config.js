/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // Synthesis and terraform runs take seconds; timing thresholds belong in `make bench`, not here.
  testTimeout: 180000,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
