import { awsProviderOnly } from '../../../../lib/guardrails/rules/stack/aws-provider-only';
import { noEscapedReferences } from '../../../../lib/guardrails/rules/stack/no-escaped-references';
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
      {
        name: 'Owner empty on the default provider',
        resources: {},
        extra: providers({ ...tags, Owner: '' }),
        address: 'provider.aws',
        expect: { nonCompliant: 'default_tags lacks a value for Owner' },
      },
      {
        name: 'a required tag from configuration missing on the us-east-1 provider',
        resources: {},
        extra: providers(),
        address: 'provider.aws.us_east_1',
        context: { requiredTags: ['Environment', 'CostCenter'] },
        expect: { nonCompliant: 'lacks a value for CostCenter' },
      },
      {
        name: 'provider without default_tags',
        resources: {},
        extra: { provider: { aws: [{ region: 'ap-southeast-1' }] } },
        address: 'provider.aws',
        expect: { nonCompliant: 'Environment, Stack, ManagedBy, Repository, Owner' },
      },
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
      {
        name: 'data sources do not count',
        resources: { ...vpcs(2), 'data.aws_iam_policy_document.x': {} },
        context: { maxResourcesPerStack: 2 },
        expect: 'compliant',
      },
      { name: 'one over the budget', resources: vpcs(4), context: { maxResourcesPerStack: 3 }, expect: { nonCompliant: '4 resources, budget 3' } },
    ],
  },
  {
    rule: awsProviderOnly,
    cases: [
      {
        name: 'only hashicorp/aws',
        resources: { 'aws_vpc.a': {}, 'data.terraform_remote_state.network': {} },
        extra: { ...awsOnly, ...providers() },
        expect: 'compliant',
      },
      {
        name: 'random provider required',
        resources: {},
        extra: { terraform: { required_providers: { aws: { source: 'aws' }, random: { source: 'hashicorp/random' } } } },
        expect: { nonCompliant: 'required_providers lists random' },
      },
      {
        name: 'a fork of aws under another namespace',
        resources: {},
        extra: { terraform: { required_providers: { aws: { source: 'acme/aws' } } } },
        expect: { nonCompliant: 'required_providers lists aws' },
      },
      {
        name: 'a random_password resource',
        resources: { 'random_password.origin': { length: 32 } },
        extra: awsOnly,
        address: 'random_password.origin',
        expect: { nonCompliant: 'random_password is not an AWS resource' },
      },
      {
        name: 'a tls provider block',
        resources: {},
        extra: { ...awsOnly, provider: { tls: [{}] } },
        address: 'provider.tls',
        expect: { nonCompliant: 'provider "tls" is configured' },
      },
    ],
  },
  {
    rule: noEscapedReferences,
    cases: [
      {
        name: 'references unescaped, API Gateway stage variables escaped inside the OpenAPI body',
        resources: {
          'aws_api_gateway_rest_api.api': {
            body: restApiBody('${data.terraform_remote_state.gw.outputs.invoke_arn}', 'https://$${stageVariables.backendHost}/payments'),
          },
          'aws_api_gateway_stage.stage': { variables: { backendHost: '${data.terraform_remote_state.gw.outputs.nlb}:8443' } },
        },
        expect: 'compliant',
      },
      {
        name: 'context and request variables escaped in an access log format',
        resources: { 'aws_api_gateway_stage.stage': { access_log_settings: { format: '$${context.requestId} $${request.header.x}' } } },
        expect: 'compliant',
      },
      {
        name: 'the authorizer URI in the REST API body is an escaped remote-state reference',
        resources: {
          'aws_api_gateway_rest_api.api': {
            body: restApiBody('$${data.terraform_remote_state.gw.outputs.invoke_arn}', 'https://$${stageVariables.backendHost}/payments'),
          },
        },
        address: 'aws_api_gateway_rest_api.api',
        expect: { nonCompliant: /^escaped reference in body: \$\$\{data\.terraform_remote_state\.gw\.outputs\.invoke_arn\}$/ },
      },
      {
        name: 'an escaped resource attribute in a plain attribute',
        resources: { 'aws_api_gateway_stage.stage': { variables: { backendHost: '$${aws_lb.nlb.dns_name}:8443' } } },
        address: 'aws_api_gateway_stage.stage',
        expect: { nonCompliant: /^escaped reference in variables\.backendHost: \$\$\{aws_lb\.nlb\.dns_name\}$/ },
      },
      {
        name: 'escaped var., local. and module. references in a list',
        resources: { 'aws_lb.nlb': { subnets: ['$${var.subnet}', '$${local.subnet}', '$${module.vpc.subnet}'] } },
        address: 'aws_lb.nlb',
        expect: {
          nonCompliant:
            /^escaped reference in subnets\[0\]: \$\$\{var\.subnet\}; subnets\[1\]: \$\$\{local\.subnet\}; subnets\[2\]: \$\$\{module\.vpc\.subnet\}$/,
        },
      },
      {
        name: 'an escaped data source reference in a data source',
        resources: { 'data.aws_iam_policy_document.p': { statement: [{ resources: ['$${data.aws_partition.p.partition}'] }] } },
        address: 'data.aws_iam_policy_document.p',
        expect: { nonCompliant: /^escaped reference in statement\[0\]\.resources\[0\]: \$\$\{data\.aws_partition\.p\.partition\}$/ },
      },
    ],
  },
];

/** A REST API body as synthesized: JSON inside a string, the way cdktf writes `body`. */
function restApiBody(authorizerUri: string, integrationUri: string): string {
  return JSON.stringify({
    components: { securitySchemes: { gatewayAuthorizer: { 'x-amazon-apigateway-authorizer': { authorizerUri } } } },
    paths: { '/payments': { get: { 'x-amazon-apigateway-integration': { uri: integrationUri } } } },
  });
}
