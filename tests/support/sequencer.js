const Sequencer = require('@jest/test-sequencer').default;

/**
 * Jest's order (failed first, then longest first from its cache, else largest file first), except that the
 * whole-environment emulated apply always starts first when it is collected (CI, UAG_E2E=1): it takes most of the
 * run, and started first it overlaps the rest of the suite in the other worker instead of following it.
 */
class EmulatedApplyFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const first = (test) => (test.path.endsWith('/tests/tools/e2e/emulated-apply.test.ts') ? 0 : 1);
    return Promise.resolve(sorted).then((ordered) => [...ordered].sort((a, b) => first(a) - first(b)));
  }
}
module.exports = EmulatedApplyFirst;
