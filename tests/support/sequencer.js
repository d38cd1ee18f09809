const Sequencer = require('@jest/test-sequencer').default;

/**
 * Seconds each of the slowest suites took (jest --json on the 2-core machines, 2026-12-02), for a run without jest's
 * own timings: a fresh clone or a CI job. Jest would then order by file size, and these suites (small files that
 * start terraform, the emulator or a tsx process) would come last and leave one worker idle at the end. Only the
 * order depends on this; a stale or missing entry costs time, never a result.
 */
const MEASURED_SECONDS = {
  'tools/e2e/emulated-apply.test.ts': 900,
  'tools/plan-offline/offline-plan.test.ts': 37,
  'tools/e2e/planted-defect.test.ts': 37,
  'tools/plan-offline/replacement-rehearsal.test.ts': 37,
  'tools/terraform-validate.test.ts': 35,
  'ci/affected-stacks.test.ts': 24,
  'ci/address-snapshot.test.ts': 16,
  'lib/guardrails/planted-violations.test.ts': 12,
  'tools/e2e/emulator-shims.test.ts': 12,
  'tools/onboard/synth-validate.test.ts': 12,
  'ci/plan-role-override.test.ts': 11,
  'tools/tflint/tflint-wrapper.test.ts': 11,
  'app/bad-input.test.ts': 9,
  'app/synthesize.test.ts': 7,
};
const measured = (test) => MEASURED_SECONDS[test.path.split('/tests/').pop()];

/**
 * Jest's order (failed first, then longest first from its cache, else largest file first). Without timings of its
 * own, the suites measured above go first, longest first. The whole-environment emulated apply (collected in CI,
 * UAG_E2E=1) always starts first: it takes most of the run, and started first it overlaps the rest of the suite in
 * the other worker instead of following it.
 */
class SlowestFirst extends Sequencer {
  async sort(tests) {
    const ordered = [...(await super.sort(tests))];
    const jestTimed = ordered.some((test) => test.duration != null);
    const rank = (test) => {
      if (test.path.endsWith('/tests/tools/e2e/emulated-apply.test.ts')) return Number.NEGATIVE_INFINITY;
      return jestTimed ? 0 : -(measured(test) ?? 0);
    };
    // Array.prototype.sort is stable: ties keep jest's order.
    return ordered.sort((a, b) => rank(a) - rank(b));
  }
}
module.exports = SlowestFirst;
