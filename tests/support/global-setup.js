const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

/** One directory per run for fixtures every worker shares (tests/support/shared-example.ts); workers inherit the variable. */
module.exports = async () => {
  process.env.UAG_TEST_SHARED_OUTPUT = mkdtempSync(path.join(tmpdir(), 'uag-jest-shared-'));
};
