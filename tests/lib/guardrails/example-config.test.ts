import { errorsOf } from '../../../lib/guardrails/findings';
import { formatReports } from '../../../lib/guardrails/format';
import { ALL_RULES } from '../../../lib/guardrails/rules';
import { synthesizeExample } from './synthesized-example';

/** Acceptance: the example configuration synthesizes every environment with no guardrail error. */
describe('the example configuration', () => {
  const example = synthesizeExample();

  it('synthesizes every environment with zero error findings', () => {
    // Printed so the findings summary per environment (warnings, suppressions) is in the test log.
    console.log(formatReports(example.guardrails));
    expect(example.guardrails.map((report) => report.environment).sort()).toEqual(['dev', 'prod', 'staging']);
    expect(errorsOf(example.guardrails).map((finding) => `${finding.ruleId} ${finding.stack} ${finding.address}: ${finding.detail}`)).toEqual([]);
  });

  it('runs every rule over every stack of every environment', () => {
    for (const report of example.guardrails) {
      expect(report.rules).toBe(ALL_RULES.length);
      expect(report.stacks).toBe(example.stacks.filter((id) => id.startsWith(`${report.environment}-`)).length);
    }
  });

  it('has no stale suppressions', () => {
    expect(example.guardrails.flatMap((report) => report.unusedSuppressions)).toEqual([]);
  });
});
