import { AllowListError, checkDestroys, parseAllowList } from '../../../tools/plan-report/destroy-guard';
import { PROTECTED_RESOURCE_TYPES } from '../../../tools/plan-report/protected-resources';
import { fixturePlan } from './fixtures';

describe('destroy guard', () => {
  it('blocks a delete-before-create replacement of a VPC link', () => {
    const result = checkDestroys([fixturePlan('replace-delete-first/dev-gateway.plan.json')], []);
    expect(result.blocked).toBe(true);
    expect(result.findings).toEqual([
      expect.objectContaining({ stack: 'dev-gateway', address: 'aws_api_gateway_vpc_link.payments', kind: 'replace-delete-first', allowed: false }),
    ]);
  });

  it('blocks a create-before-destroy replacement of a web ACL but not of a certificate', () => {
    const result = checkDestroys([fixturePlan('create-before-destroy/dev-gateway.plan.json')], []);
    expect(result.findings.map((finding) => finding.address)).toEqual(['aws_wafv2_web_acl.regional']);
  });

  it('blocks deletes of the Transit Gateway and its attachments, not of an unprotected deposed object', () => {
    const result = checkDestroys([fixturePlan('delete-protected/dev-network.plan.json')], []);
    expect(result.findings.map((finding) => finding.address)).toEqual([
      'aws_ec2_transit_gateway.hub',
      'aws_ec2_transit_gateway_vpc_attachment.spoke["payments"]',
    ]);
  });

  it('passes when every protected destroy is allowed by stack and address', () => {
    const allow = parseAllowList('dev-network:aws_ec2_transit_gateway.hub, dev-network:aws_ec2_transit_gateway_vpc_attachment.spoke["payments"]');
    const result = checkDestroys([fixturePlan('delete-protected/dev-network.plan.json')], allow);
    expect(result.blocked).toBe(false);
    expect(result.findings.every((finding) => finding.allowed)).toBe(true);
  });

  it('does not let an allowance for one environment allow the same address in another', () => {
    const result = checkDestroys([fixturePlan('delete-protected/dev-network.plan.json')], parseAllowList('prod-network:aws_ec2_transit_gateway.hub'));
    expect(result.blocked).toBe(true);
    expect(result.unusedAllowances).toEqual([{ stack: 'prod-network', address: 'aws_ec2_transit_gateway.hub' }]);
  });

  it('passes plans without destroys, and ignores updates of protected resources', () => {
    for (const fixture of ['no-op-only/dev-org.plan.json', 'read-only/dev-security.plan.json', 'empty-plan/dev-api-payments.plan.json']) {
      expect(checkDestroys([fixturePlan(fixture)], []).blocked).toBe(false);
    }
    const mixed = checkDestroys([fixturePlan('mixed/dev-gateway.plan.json')], []);
    expect(mixed.findings.map((finding) => finding.address)).toEqual(['aws_lb.backend["payments"]']);
  });

  it('fails when an allow-list entry has no stack', () => {
    expect(() => parseAllowList('aws_ec2_transit_gateway.hub')).toThrow(AllowListError);
    expect(() => parseAllowList('aws_ec2_transit_gateway.hub')).toThrow(/must be <stack-id>:<resource address>, e\.g\. dev-gateway:/);
  });

  it('covers every kind of resource the issue names as protected', () => {
    for (const type of [
      'aws_ec2_transit_gateway',
      'aws_ec2_transit_gateway_vpc_attachment',
      'aws_api_gateway_vpc_link',
      'aws_api_gateway_domain_name',
      'aws_wafv2_web_acl',
      'aws_ram_resource_share',
      'aws_fms_policy',
      'aws_cloudwatch_log_group',
      'aws_s3_bucket',
    ]) {
      expect(PROTECTED_RESOURCE_TYPES[type]).toEqual(expect.any(String));
    }
  });
});
