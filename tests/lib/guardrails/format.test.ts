import type { GuardrailReport } from '../../../lib/guardrails/findings';
import { formatFailure, formatReports, summaryLine } from '../../../lib/guardrails/format';

const error = {
  ruleId: 'UAG-CF-001',
  severity: 'error' as const,
  stack: 'prod-gateway',
  address: 'aws_cloudfront_distribution.edge',
  detail: 'web_acl_id is empty',
  what: 'Every CloudFront distribution is associated with an AWS WAF web ACL.',
  fix: 'Set web_acl_id.',
};
const warning = { ...error, ruleId: 'UAG-SHIELD-002', severity: 'warning' as const, address: 'aws_shield_protection.edge', detail: 'no health check' };
const report: GuardrailReport = {
  environment: 'prod',
  file: 'environments/prod.yaml',
  stacks: 12,
  resources: 240,
  rules: 55,
  findings: [error, warning],
  suppressed: [{ ...error, ruleId: 'UAG-APIGW-006', address: 'aws_api_gateway_rest_api.api', detail: 'GET /health', reason: 'Public health check (SEC-42)' }],
  unusedSuppressions: [{ rule: 'UAG-NET-004', resource: 'aws_vpc.old', reason: 'VPC retired in 2026, flow logs in the old account' }],
};

describe('guardrail output', () => {
  it('names rule id, stack, address, detail and fix of an error, and how to suppress it', () => {
    const text = formatFailure([report], 'cdktf.out');
    expect(text).toContain('Guardrails failed with 1 error; synthesis stopped and cdktf.out was left as it was.');
    expect(text).toContain('error UAG-CF-001 prod-gateway aws_cloudfront_distribution.edge: web_acl_id is empty');
    expect(text).toContain('fix: Set web_acl_id.');
    expect(text).toContain('{ rule: UAG-CF-001, resource: "aws_cloudfront_distribution.edge", stack: prod-gateway, reason:');
  });

  it('prints warnings, applied suppressions with their reason, and unused suppressions', () => {
    const text = formatReports([report]);
    expect(text).toContain('warning UAG-SHIELD-002 prod-gateway aws_shield_protection.edge: no health check');
    expect(text).toContain('suppressed UAG-APIGW-006 prod-gateway aws_api_gateway_rest_api.api: GET /health\n      reason: Public health check (SEC-42)');
    expect(text).toContain('unused suppression in environments/prod.yaml: UAG-NET-004 on aws_vpc.old matched no finding; remove it');
  });

  it('summarizes an environment in one line', () => {
    expect(summaryLine(report)).toBe('Guardrails prod: 1 error, 1 warning, 1 suppressed (55 rules, 12 stacks, 240 resources)');
  });
});
