import { awsProviderOnly } from '../../../../lib/guardrails/rules/stack/aws-provider-only';
import { resourceBudget } from '../../../../lib/guardrails/rules/stack/resource-budget';
import { requiredTags } from '../../../../lib/guardrails/rules/tags/required-tags';
import type { RuleCases } from '../support';

const tags = { Environment: 'dev', Stack: 'dev-gateway', ManagedBy: 'cdktf', Repository: 'gitlab.example.com/platform/uag', Owner: 'platform-team' };
const providers = (defaultTags: Record<string, string> = tags) => ({
  provider: {
    aws: [
      { region: 'ap-southeast-1', default_tags: [{ tags: defaultTags }] },
      { alias: 'us_east_1', region: 'us-east-1', default_tags: [{ tags: defaultTags }] },
    ],
  },
});
const awsOnly = { terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0' } } } };
const vpcs = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`aws_vpc.v${index}`, { cidr_block: `10.${index}.0.0/16` }]));

export const STACK_CASES: RuleCases[] = [
  {
    rule: requiredTags,
    cases: [
      { name: 'both providers carry every required tag', resources: {}, extra: providers(), address: 'provider.aws.us_east_1', expect: 'compliant' },
      {
        name: 'an extra required tag from configuration is present',
        resources: {},
        extra: providers({ ...tags, CostCenter: 'cc-1234' }),
        address: 'provider.aws',
        context: { requiredTags: ['Owner', 'CostCenter'] },
        expect: 'compliant',
      },
      { name: 'Owner empty on the default provider', resources: {}, extra: providers({ ...tags, Owner: '' }), address: 'provider.aws', expect: { nonCompliant: 'default_tags lacks a value for Owner' } },
      {
        name: 'a required tag from configuration missing on the us-east-1 provider',
        resources: {},
        extra: providers(),
        address: 'provider.aws.us_east_1',
        context: { requiredTags: ['Environment', 'CostCenter'] },
        expect: { nonCompliant: 'lacks a value for CostCenter' },
      },
      { name: 'provider without default_tags', resources: {}, extra: { provider: { aws: [{ region: 'ap-southeast-1' }] } }, address: 'provider.aws', expect: { nonCompliant: 'Environment, Stack, ManagedBy, Repository, Owner' } },
      {
        name: 'a resource blanks a required tag',
        resources: { 'aws_vpc.gateway': { cidr_block: '10.0.0.0/16', tags: { Name: 'gateway', Owner: '' } } },
        extra: providers(),
        address: 'aws_vpc.gateway',
        expect: { nonCompliant: 'tags set Owner to an empty value' },
      },
    ],
  },
  {
    rule: resourceBudget,
    cases: [
      { name: 'within the budget', resources: vpcs(3), context: { maxResourcesPerStack: 3 }, expect: 'compliant' },
      { name: 'data sources do not count', resources: { ...vpcs(2), 'data.aws_iam_policy_document.x': {} }, context: { maxResourcesPerStack: 2 }, expect: 'compliant' },
      { name: 'one over the budget', resources: vpcs(4), context: { maxResourcesPerStack: 3 }, expect: { nonCompliant: '4 resources, budget 3' } },
    ],
  },
  {
    rule: awsProviderOnly,
    cases: [
      { name: 'only hashicorp/aws', resources: { 'aws_vpc.a': {}, 'data.terraform_remote_state.network': {} }, extra: { ...awsOnly, ...providers() }, expect: 'compliant' },
      {
        name: 'random provider required',
        resources: {},
        extra: { terraform: { required_providers: { aws: { source: 'aws' }, random: { source: 'hashicorp/random' } } } },
        expect: { nonCompliant: 'required_providers lists random' },
      },
      { name: 'a fork of aws under another namespace', resources: {}, extra: { terraform: { required_providers: { aws: { source: 'acme/aws' } } } }, expect: { nonCompliant: 'required_providers lists aws' } },
      { name: 'a random_password resource', resources: { 'random_password.origin': { length: 32 } }, extra: awsOnly, address: 'random_password.origin', expect: { nonCompliant: 'random_password is not an AWS resource' } },
      { name: 'a tls provider block', resources: {}, extra: { ...awsOnly, provider: { tls: [{}] } }, address: 'provider.tls', expect: { nonCompliant: 'provider "tls" is configured' } },
    ],
  },
];
