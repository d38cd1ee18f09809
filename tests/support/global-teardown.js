const { rmSync } = require('node:fs');

module.exports = async () => {
  if (process.env.UAG_TEST_SHARED_OUTPUT) rmSync(process.env.UAG_TEST_SHARED_OUTPUT, { recursive: true, force: true });
};
