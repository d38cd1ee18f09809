import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { sharedExampleSynth } from '../support/shared-example';
import type { TerraformJson } from '../support/synth-json';

/** What each kind of stack holds, read from the synthesized example (one test group per stack kind). */
const { outdir } = sharedExampleSynth();
const stack = (id: string): TerraformJson => JSON.parse(readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8')) as TerraformJson;
const values = (json: TerraformJson, type: string) => Object.values(json.resource?.[type] ?? {});
const types = (json: TerraformJson) => Object.keys(json.resource ?? {}).sort();

describe('<env>-network', () => {
  const network = stack('prod-network');

  it('holds the Transit Gateway, a route table per segment and its share to the gateway and backend accounts only', () => {
    expect(values(network, 'aws_ec2_transit_gateway')).toHaveLength(1);
    expect(
      values(network, 'aws_ec2_transit_gateway_route_table')
        .map((table) => (table.tags as Record<string, string>).Name)
        .sort(),
    ).toEqual(['prod-tgw-backends', 'prod-tgw-gateway']);
    expect(values(network, 'aws_ram_resource_share')).toEqual([expect.objectContaining({ name: 'prod-transit-gateway', allow_external_principals: false })]);
    expect(
      values(network, 'aws_ram_principal_association')
        .map((association) => association.principal)
        .sort(),
    ).toEqual(['444455558888', '555566668888', '666677778888', '777766668888']);
  });

  it('documents its Transit Gateway and route tables as outputs for operators', () => {
    expect(Object.keys(network.output ?? {})).toEqual(
      expect.arrayContaining(['transit_gateway_id', 'transit_gateway_route_table_backends', 'transit_gateway_route_table_gateway']),
    );
  });
});

describe('<env>-security', () => {
  const security = stack('prod-security');

  it('holds the Firewall Manager policies of the environment: WAF (regional, CloudFront), Shield Advanced, security-group audit', () => {
    const policies = values(security, 'aws_fms_policy').map((policy) => [policy.name, (policy.security_service_policy_data as { type: string }).type]);
    expect(policies.sort()).toEqual([
      ['prod-sg-open-ingress-audit', 'SECURITY_GROUPS_CONTENT_AUDIT'],
      ['prod-shield-cloudfront', 'SHIELD_ADVANCED'],
      ['prod-waf-cloudfront', 'WAFV2'],
      ['prod-waf-regional', 'WAFV2'],
    ]);
  });

  it('holds no gateway or network resource', () => {
    expect(types(security).filter((type) => /^aws_(api_gateway|lb|ec2_transit_gateway|cloudfront)/.test(type))).toEqual([]);
  });
});

describe('<env>-gateway', () => {
  const gateway = stack('prod-gateway');

  it('holds one VPC link and NLB per service (per-service strategy in prod), the authorizer and the auditor', () => {
    expect(
      values(gateway, 'aws_api_gateway_vpc_link')
        .map((link) => link.name)
        .sort(),
    ).toEqual(['prod-customers', 'prod-ledger', 'prod-payments']);
    expect(values(gateway, 'aws_lb')).toHaveLength(3);
    expect(
      values(gateway, 'aws_lambda_function')
        .map((fn) => fn.function_name)
        .sort(),
    ).toEqual(['prod-authorizer', 'prod-ram-share-auditor']);
  });

  it("holds both custom domains, the CloudFront front door and the consumers' endpoints, but no REST API", () => {
    expect(
      values(gateway, 'aws_api_gateway_domain_name')
        .map((domain) => domain.domain_name)
        .sort(),
    ).toEqual(['api.internal.example.com', 'origin.api.example.com']);
    expect(values(gateway, 'aws_cloudfront_distribution')).toHaveLength(1);
    expect(values(gateway, 'aws_vpc_endpoint')).toHaveLength(2);
    expect(values(gateway, 'aws_api_gateway_rest_api')).toEqual([]);
  });
});

describe('<env>-spoke-<account>', () => {
  it('in a backend account: the Transit Gateway attachment, its acceptance, association, propagation and routes back', () => {
    expect(types(stack('prod-spoke-555566668888'))).toEqual([
      // Packet-drop alarms of the attachment, in the network account (UAG-OBS-003).
      'aws_cloudwatch_metric_alarm',
      'aws_ec2_transit_gateway_route_table_association',
      'aws_ec2_transit_gateway_route_table_propagation',
      'aws_ec2_transit_gateway_vpc_attachment',
      'aws_ec2_transit_gateway_vpc_attachment_accepter',
      'aws_route',
    ]);
  });

  it('in a consumer account inside the organization: the access association and the private zone with its record', () => {
    expect(types(stack('prod-spoke-777788889999'))).toEqual(['aws_api_gateway_domain_name_access_association', 'aws_route53_record', 'aws_route53_zone']);
  });

  it('in a consumer account outside the organization: also the acceptance of the share invitation', () => {
    expect(types(stack('prod-spoke-999988887777'))).toEqual([
      'aws_api_gateway_domain_name_access_association',
      'aws_ram_resource_share_accepter',
      'aws_route53_record',
      'aws_route53_zone',
    ]);
  });
});
