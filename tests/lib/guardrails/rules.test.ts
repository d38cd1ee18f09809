import { ALL_RULES } from '../../../lib/guardrails/rules';
import { API_GATEWAY_CASES } from './cases/api-gateway';
import { BACKEND_KIND_CASES } from './cases/backend-kinds';
import { EDGE_CASES } from './cases/edge';
import { HARDENING_CASES } from './cases/hardening';
import { NETWORK_CASES } from './cases/network';
import { OPERATIONS_CASES } from './cases/operations';
import { ORGANIZATION_CASES } from './cases/organization';
import { STACK_CASES } from './cases/stack';
import { WORKLOAD_CASES } from './cases/workloads';
import { evaluate, expectationKind, type RuleCases } from './support';

/**
 * Every rule of the pack against hand-built synthesized resources, in cdk-nag style: "Compliance" and
 * "Noncompliance n" cases per rule, plus "Not applicable" where the rule's resources are absent or out of scope.
 */
const ALL_CASES: RuleCases[] = [
  ...API_GATEWAY_CASES,
  ...BACKEND_KIND_CASES,
  ...EDGE_CASES,
  ...ORGANIZATION_CASES,
  ...NETWORK_CASES,
  ...WORKLOAD_CASES,
  ...STACK_CASES,
  ...HARDENING_CASES,
  ...OPERATIONS_CASES,
];

describe.each(ALL_CASES.map((entry) => [entry.rule.id, entry] as const))('%s', (_id, { rule, cases }) => {
  let noncompliance = 0;
  const named = cases.map((testCase) => {
    const kind = expectationKind(testCase.expect);
    const label = kind === 'compliant' ? 'Compliance' : kind === 'not-applicable' ? 'Not applicable' : `Noncompliance ${++noncompliance}`;
    return [`${label}: ${testCase.name}`, testCase] as const;
  });

  it.each(named)('%s', (_name, testCase) => {
    const result = evaluate(rule, testCase);
    const expected = testCase.expect;
    if (typeof expected === 'string') {
      expect(result).toEqual({ status: expected });
    } else {
      expect(result.status).toBe('non-compliant');
      expect(result.status === 'non-compliant' ? result.detail : '').toMatch(expected.nonCompliant);
    }
  });
});

describe('the pack', () => {
  it('has a compliant and a non-compliant case for every rule', () => {
    const covered = (kind: string) =>
      new Set(ALL_CASES.filter(({ cases }) => cases.some((c) => expectationKind(c.expect) === kind)).map(({ rule }) => rule.id));
    const compliant = covered('compliant');
    const nonCompliant = covered('non-compliant');
    const missing = ALL_RULES.filter((rule) => !compliant.has(rule.id) || !nonCompliant.has(rule.id)).map((rule) => rule.id);
    expect(missing).toEqual([]);
  });

  it('has at least 30 rules with unique UAG-<AREA>-NNN ids and complete texts', () => {
    expect(ALL_RULES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ALL_RULES.map((rule) => rule.id)).size).toBe(ALL_RULES.length);
    for (const rule of ALL_RULES) {
      expect(rule.id).toMatch(/^UAG-[A-Z]+-\d{3}$/);
      expect(rule.what.length).toBeGreaterThan(20);
      expect(rule.why.length).toBeGreaterThan(80);
      expect(rule.fix.length).toBeGreaterThan(20);
    }
  });
});
