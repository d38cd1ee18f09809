import { deleteUnusedExplicit } from '../../../../lib/guardrails/rules/firewall-manager/delete-unused-explicit';
import { policyScope } from '../../../../lib/guardrails/rules/firewall-manager/policy-scope';
import { remediationInProduction } from '../../../../lib/guardrails/rules/firewall-manager/remediation-in-production';
import { declaredPrincipals } from '../../../../lib/guardrails/rules/ram/declared-principals';
import { noExternalPrincipals } from '../../../../lib/guardrails/rules/ram/no-external-principals';
import { DECLARED, type RuleCases } from '../support';

const fmsPolicy = {
  name: 'prod-waf-regional',
  resource_type_list: ['AWS::ApiGateway::Stage', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
  remediation_enabled: true,
  delete_unused_fm_managed_resources: false,
  exclude_resource_tags: false,
  include_map: { orgunit: ['ou-ab12-11111111'] },
  security_service_policy_data: { type: 'WAFV2', managed_service_data: '{"type":"WAFV2"}' },
};

const association = (principal: string) => ({ principal, resource_share_arn: '${aws_ram_resource_share.tgw.arn}' });

export const ORGANIZATION_CASES: RuleCases[] = [
  {
    rule: policyScope,
    cases: [
      { name: 'resource types and an included OU', resources: { 'aws_fms_policy.waf': fmsPolicy }, expect: 'compliant' },
      {
        name: 'whole organization (no include_map)',
        resources: {
          'aws_fms_policy.waf': { ...fmsPolicy, include_map: undefined, resource_type: 'AWS::CloudFront::Distribution', resource_type_list: undefined },
        },
        expect: 'compliant',
      },
      {
        name: 'no resource type',
        resources: { 'aws_fms_policy.waf': { ...fmsPolicy, resource_type_list: [] } },
        expect: { nonCompliant: 'resource_type and resource_type_list are both empty' },
      },
      {
        name: 'include_map that lists nothing',
        resources: { 'aws_fms_policy.waf': { ...fmsPolicy, include_map: { account: [], orgunit: [] } } },
        expect: { nonCompliant: 'include_map lists no account and no orgunit' },
      },
    ],
  },
  {
    rule: remediationInProduction,
    cases: [
      { name: 'prod with remediation', resources: { 'aws_fms_policy.waf': fmsPolicy }, context: { production: true }, expect: 'compliant' },
      { name: 'dev without remediation', resources: { 'aws_fms_policy.waf': { ...fmsPolicy, remediation_enabled: false } }, expect: 'not-applicable' },
      {
        name: 'prod without remediation',
        resources: { 'aws_fms_policy.waf': { ...fmsPolicy, remediation_enabled: false } },
        context: { production: true },
        expect: { nonCompliant: 'remediation_enabled is false' },
      },
    ],
  },
  {
    rule: deleteUnusedExplicit,
    cases: [
      { name: 'set to false deliberately', resources: { 'aws_fms_policy.waf': fmsPolicy }, expect: 'compliant' },
      {
        name: 'left to the default',
        resources: { 'aws_fms_policy.waf': { ...fmsPolicy, delete_unused_fm_managed_resources: undefined } },
        expect: { nonCompliant: 'unset' },
      },
    ],
  },
  {
    rule: noExternalPrincipals,
    cases: [
      {
        name: 'allow_external_principals = false',
        resources: { 'aws_ram_resource_share.tgw': { name: 'dev-tgw', allow_external_principals: false } },
        expect: 'compliant',
      },
      { name: 'unset (provider default false)', resources: { 'aws_ram_resource_share.tgw': { name: 'dev-tgw' } }, expect: 'compliant' },
      {
        name: 'allow_external_principals = true',
        resources: { 'aws_ram_resource_share.tgw': { name: 'dev-tgw', allow_external_principals: true } },
        expect: { nonCompliant: 'allow_external_principals is true' },
      },
      {
        name: 'computed value',
        resources: { 'aws_ram_resource_share.tgw': { allow_external_principals: '${var.external}' } },
        expect: { nonCompliant: 'allow_external_principals is "${var.external}"' },
      },
    ],
  },
  {
    rule: declaredPrincipals,
    cases: [
      {
        name: 'a declared account in the organization',
        resources: { 'aws_ram_principal_association.consumer': association(DECLARED.consumer) },
        expect: 'compliant',
      },
      {
        name: 'a declared OU',
        resources: { 'aws_ram_principal_association.ou': association(`arn:aws:organizations::${DECLARED.management}:ou/o-a1b2c3d4e5/ou-ab12-11111111`) },
        expect: 'compliant',
      },
      {
        name: 'the organization itself',
        resources: { 'aws_ram_principal_association.org': association(`arn:aws:organizations::${DECLARED.management}:organization/o-a1b2c3d4e5`) },
        expect: 'compliant',
      },
      {
        name: 'the organization read from a data source',
        resources: { 'aws_ram_principal_association.org': association('${data.aws_organizations_organization.current.arn}') },
        expect: 'compliant',
      },
      {
        name: 'an undeclared account',
        resources: { 'aws_ram_principal_association.x': association('123456789012') },
        expect: { nonCompliant: 'principal 123456789012 is not an account declared in the dev environment' },
      },
      {
        name: 'a declared account outside the organization',
        resources: { 'aws_ram_principal_association.partner': association(DECLARED.outsider) },
        expect: { nonCompliant: '("partner") is declared outside the organization' },
      },
      {
        name: 'an OU of another organization',
        resources: { 'aws_ram_principal_association.ou': association('arn:aws:organizations::210987654321:ou/o-zzzzzzzzzz/ou-zz99-99999999') },
        expect: { nonCompliant: 'managed by 210987654321' },
      },
      {
        name: 'an undeclared OU of our organization',
        resources: { 'aws_ram_principal_association.ou': association(`arn:aws:organizations::${DECLARED.management}:ou/o-a1b2c3d4e5/ou-ab12-22222222`) },
        expect: { nonCompliant: 'OU not declared' },
      },
      {
        name: 'a computed principal',
        resources: { 'aws_ram_principal_association.x': association('${aws_organizations_account.new.id}') },
        expect: { nonCompliant: 'is computed' },
      },
    ],
  },
];
