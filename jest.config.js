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
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
