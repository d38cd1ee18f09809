import { errorsOf } from '../../../lib/guardrails/findings';
import { COMPLIANT, nonCompliant, type GuardrailRule, type ResourceRule } from '../../../lib/guardrails/rule';
import { ALL_RULES } from '../../../lib/guardrails/rules';
import { runGuardrails } from '../../../lib/guardrails/runner';
import { stackJson, testContext } from './support';

const base = { what: 'VPCs are named.', why: 'Because reviewers need names to find things in a plan.', fix: 'Set tags.Name.' };

const vpcNamed: ResourceRule = {
  ...base,
  id: 'UAG-TEST-001',
  kind: 'resource',
  severity: 'error',
  resourceTypes: ['aws_vpc'],
  check: ({ values }) => (values.tags ? COMPLIANT : nonCompliant('tags is unset')),
};
const warningRule: ResourceRule = { ...vpcNamed, id: 'UAG-TEST-002', severity: 'warning' };

const gateway = { id: 'dev-gateway', json: stackJson({ 'aws_vpc.gateway': { cidr_block: '10.0.0.0/16' }, 'aws_subnet.a': {} }) };
const network = { id: 'dev-network', json: stackJson({ 'aws_vpc.gateway': { cidr_block: '10.1.0.0/16', tags: { Name: 'hub' } } }) };

const run = (rules: GuardrailRule[], suppressions: Parameters<typeof runGuardrails>[1]['suppressions'] = []) =>
  runGuardrails([gateway, network], { context: testContext(), file: 'environments/dev.yaml', rules, suppressions });

describe('runGuardrails', () => {
  it('locates each finding by rule, stack and address, with the rule text and the detail', () => {
    const report = run([vpcNamed]);
    expect(report.findings).toEqual([
      { ruleId: 'UAG-TEST-001', severity: 'error', stack: 'dev-gateway', address: 'aws_vpc.gateway', detail: 'tags is unset', what: base.what, fix: base.fix },
    ]);
    expect(report).toMatchObject({ environment: 'dev', file: 'environments/dev.yaml', stacks: 2, resources: 3, rules: 1 });
  });

  it('hands a rule only the resource types it names', () => {
    const seen: string[] = [];
    const recording: ResourceRule = { ...vpcNamed, check: (resource) => (seen.push(`${resource.type} ${resource.address}`), COMPLIANT) };
    run([recording]);
    expect(seen).toEqual(['aws_vpc aws_vpc.gateway', 'aws_vpc aws_vpc.gateway']);
  });

  it('turns a rule that throws into an error finding of that rule instead of passing the resource', () => {
    const crashing: ResourceRule = {
      ...warningRule,
      check: () => {
        throw new Error('unexpected block shape');
      },
    };
    const [finding] = run([crashing]).findings;
    expect(finding).toMatchObject({ ruleId: 'UAG-TEST-002', severity: 'error', stack: 'dev-gateway' });
    expect(finding!.detail).toContain('unexpected block shape');
  });

  it('reports a stack rule that throws at the stack address', () => {
    const crashing: GuardrailRule = {
      ...base,
      id: 'UAG-TEST-003',
      kind: 'stack',
      severity: 'warning',
      check: () => {
        throw new Error('no providers');
      },
    };
    expect(run([crashing]).findings.map((finding) => `${finding.severity} ${finding.ruleId} ${finding.stack} ${finding.address}`)).toEqual([
      'error UAG-TEST-003 dev-gateway (stack)',
      'error UAG-TEST-003 dev-network (stack)',
    ]);
  });

  it('reports warnings without making them errors', () => {
    const report = run([warningRule]);
    expect(report.findings.map((finding) => finding.severity)).toEqual(['warning']);
    expect(errorsOf([report])).toEqual([]);
  });

  it('sorts errors before warnings', () => {
    const report = run([warningRule, vpcNamed]);
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(['UAG-TEST-001', 'UAG-TEST-002']);
  });

  describe('suppressions', () => {
    const reason = 'Accepted by security (SEC-123) until the network issue lands';

    it('moves a finding matched by rule and address to the suppressed list with its reason', () => {
      const report = run([vpcNamed], [{ rule: 'UAG-TEST-001', resource: 'aws_vpc.gateway', reason }]);
      expect(report.findings).toEqual([]);
      expect(report.suppressed).toEqual([expect.objectContaining({ ruleId: 'UAG-TEST-001', stack: 'dev-gateway', address: 'aws_vpc.gateway', reason })]);
      expect(report.unusedSuppressions).toEqual([]);
    });

    it('fails when a suppression names a different stack', () => {
      const suppression = { rule: 'UAG-TEST-001', resource: 'aws_vpc.gateway', stack: 'dev-network', reason };
      const report = run([vpcNamed], [suppression]);
      expect(report.findings).toHaveLength(1);
      expect(report.unusedSuppressions).toEqual([suppression]);
    });

    it('fails when a suppression names a different rule on the same resource', () => {
      const report = run([vpcNamed, warningRule], [{ rule: 'UAG-TEST-002', resource: 'aws_vpc.gateway', reason }]);
      expect(report.findings.map((finding) => finding.ruleId)).toEqual(['UAG-TEST-001']);
      expect(report.suppressed.map((finding) => finding.ruleId)).toEqual(['UAG-TEST-002']);
    });
  });

  it('treats Shield Advanced as in use when any stack of the environment has Shield resources', () => {
    const edge = { id: 'dev-gateway', json: stackJson({ 'aws_cloudfront_distribution.edge': { web_acl_id: 'x' } }) };
    const security = { id: 'dev-security', json: stackJson({ 'aws_shield_subscription.gateway': { auto_renew: 'ENABLED' } }) };
    const shieldRule = ALL_RULES.filter((rule) => rule.id === 'UAG-SHIELD-001');
    const off = runGuardrails([edge], { context: testContext(), file: 'environments/dev.yaml', rules: shieldRule });
    const on = runGuardrails([edge, security], { context: testContext(), file: 'environments/dev.yaml', rules: shieldRule });
    expect(off.findings).toEqual([]);
    expect(on.findings.map((finding) => `${finding.ruleId} ${finding.address}`)).toEqual(['UAG-SHIELD-001 aws_cloudfront_distribution.edge']);
  });

  it('reports stack rules at their own addresses', () => {
    const report = runGuardrails([gateway], {
      context: testContext({ maxResourcesPerStack: 1 }),
      file: 'environments/dev.yaml',
      rules: ALL_RULES.filter((rule) => rule.id === 'UAG-STACK-001'),
    });
    expect(report.findings).toEqual([
      expect.objectContaining({ ruleId: 'UAG-STACK-001', stack: 'dev-gateway', address: '(stack)', detail: '2 resources, budget 1' }),
    ]);
  });
});
