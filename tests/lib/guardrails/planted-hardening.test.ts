import { TerraformResource, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import { ALL_RULES } from '../../../lib/guardrails/rules';
import { REPO_ROOT } from '../../support/example-config';
import { previousOutput, snapshotTree, synthInProcess, type SynthRun } from '../../support/run-synth';
import { synthesizeExample } from './synthesized-example';

/**
 * Issue 16 acceptance: each hardening rule stops synth when its defect is planted on the resource the fix touched,
 * and the entry point's message names the rule, the stack, the resource and the fix. All plants of one environment
 * go into one in-process synthesis (the rules are independent), so the file costs one synth per environment.
 */
const example = synthesizeExample();

interface Plant {
  readonly rule: string;
  readonly name: string;
  readonly environment: string;
  readonly stack: string;
  readonly type: string;
  /** Part of the Terraform name (cdktf logical id) of the one resource planted on. */
  readonly nameContains: string;
  /** Attribute overrides; `undefined` deletes the attribute. */
  readonly overrides: Record<string, unknown>;
  /** The resource the finding names, when it is not the planted one (a VPC whose default group was opened).
   * @default - the planted resource */
  readonly findingAt?: { readonly type: string; readonly nameContains: string };
}

const unconditionedTrust = (service: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

/** A REST API body whose one operation forwards the principal without its issuer, as before issue 16. */
const bodyWithoutIssuer = JSON.stringify({
  openapi: '3.0.3',
  info: { title: 'payments', version: '1' },
  paths: {
    '/payments': {
      get: {
        security: [{ gatewayAuthorizer: ['payments/read'] }],
        'x-amazon-apigateway-integration': {
          type: 'http_proxy',
          httpMethod: 'GET',
          uri: 'https://backend.example.com/payments',
          requestParameters: { 'integration.request.header.X-Principal-Id': 'context.authorizer.principalId' },
        },
      },
    },
  },
});

const failedDeliveries = { type: 'aws_s3_bucket', nameContains: 'Telemetry_MetricStream_FailedDeliveries' };

const HARDENING_PLANTS: Plant[] = [
  {
    rule: 'UAG-WAF-008',
    name: 'the per-IP rate limit moved behind Bot Control (priority 95)',
    environment: 'prod',
    stack: 'prod-gateway',
    type: 'aws_wafv2_web_acl',
    nameContains: 'Perimeter_EdgeWebAcl',
    overrides: { 'rule.1.priority': 95 },
  },
  {
    rule: 'UAG-WAF-009',
    name: 'the anonymous IP list blocking hosting-provider ranges again (override removed)',
    environment: 'prod',
    stack: 'prod-gateway',
    type: 'aws_wafv2_web_acl',
    nameContains: 'Perimeter_EdgeWebAcl',
    overrides: { 'rule.5.statement.managed_rule_group_statement.rule_action_override': undefined },
  },
  {
    rule: 'UAG-CF-008',
    name: 'the distribution without its response headers policy (no HSTS)',
    environment: 'dev',
    stack: 'dev-gateway',
    type: 'aws_cloudfront_distribution',
    nameContains: 'PublicEdge_FrontDoor',
    overrides: { 'default_cache_behavior.response_headers_policy_id': undefined },
  },
  {
    rule: 'UAG-BUCKET-001',
    name: 'the failed-delivery bucket policy without the TLS deny',
    environment: 'prod',
    stack: 'prod-gateway',
    type: 'aws_s3_bucket_policy',
    nameContains: 'FailedDeliveriesBucketPolicy',
    overrides: { policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }) },
    findingAt: failedDeliveries,
  },
  {
    rule: 'UAG-BUCKET-002',
    name: 'the failed-delivery bucket with versioning suspended',
    environment: 'prod',
    stack: 'prod-gateway',
    type: 'aws_s3_bucket_versioning',
    nameContains: 'FailedDeliveriesVersioning',
    overrides: { 'versioning_configuration.status': 'Suspended' },
    findingAt: failedDeliveries,
  },
  {
    rule: 'UAG-BUCKET-003',
    name: 'the failed-delivery bucket keeping refused batches for ever (no expiration)',
    environment: 'prod',
    stack: 'prod-gateway',
    type: 'aws_s3_bucket_lifecycle_configuration',
    nameContains: 'FailedDeliveriesLifecycle',
    overrides: { 'rule.0.expiration': undefined },
    findingAt: failedDeliveries,
  },
  {
    rule: 'UAG-CF-007',
    name: 'origin-verification slot A without its rotation trigger',
    environment: 'dev',
    stack: 'dev-gateway',
    type: 'aws_secretsmanager_secret_version',
    nameContains: 'OriginVerification_Version',
    overrides: { 'lifecycle.replace_triggered_by': undefined },
    findingAt: { type: 'aws_cloudfront_distribution', nameContains: 'FrontDoor' },
  },
  {
    rule: 'UAG-NET-008',
    name: "the gateway VPC's default security group given back an allow-all ingress rule",
    environment: 'dev',
    stack: 'dev-gateway',
    type: 'aws_default_security_group',
    nameContains: 'Network_Vpc_DefaultSecurityGroup',
    overrides: { ingress: [{ protocol: '-1', self: true, from_port: 0, to_port: 0 }] },
    findingAt: { type: 'aws_vpc', nameContains: 'Network_Vpc' },
  },
  {
    rule: 'UAG-APIGW-014',
    name: 'a public API forwarding X-Principal-Id without X-Principal-Issuer',
    environment: 'dev',
    stack: 'dev-api-payments',
    type: 'aws_api_gateway_rest_api',
    nameContains: 'Api_Public',
    overrides: { body: bodyWithoutIssuer },
  },
  {
    rule: 'UAG-IAM-004',
    name: 'the authorizer execution role trusted by lambda.amazonaws.com without aws:SourceAccount',
    environment: 'dev',
    stack: 'dev-gateway',
    type: 'aws_iam_role',
    nameContains: 'Authorizer_Function_Role',
    overrides: { assume_role_policy: unconditionedTrust('lambda.amazonaws.com') },
  },
  {
    rule: 'UAG-IAM-004',
    name: 'the Transit Gateway flow-log role trusted without aws:SourceArn',
    environment: 'dev',
    stack: 'dev-network',
    type: 'aws_iam_role',
    nameContains: 'TransitGateway_FlowLog_DeliveryRole',
    overrides: { assume_role_policy: unconditionedTrust('vpc-flow-logs.amazonaws.com') },
  },
  {
    rule: 'UAG-LOG-002',
    name: 'the authorizer log group without a customer managed key',
    environment: 'dev',
    stack: 'dev-gateway',
    type: 'aws_cloudwatch_log_group',
    nameContains: 'Authorizer_Function_LogGroup',
    overrides: { kms_key_id: undefined },
  },
  {
    rule: 'UAG-LOG-002',
    name: 'an API access log group without a customer managed key',
    environment: 'dev',
    stack: 'dev-api-payments',
    type: 'aws_cloudwatch_log_group',
    nameContains: 'Public_AccessLogs',
    overrides: { kms_key_id: undefined },
  },
];

/** Overrides the one planted resource, as a careless escape hatch would. */
class PlantAspect implements IAspect {
  constructor(private readonly plants: readonly Plant[]) {}

  visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource)) return;
    for (const plant of this.plants) {
      if (node.terraformResourceType !== plant.type || !node.friendlyUniqueId.includes(plant.nameContains)) continue;
      if (node.cdktfStack.node.id !== plant.stack) continue;
      for (const [attribute, value] of Object.entries(plant.overrides)) node.addOverride(attribute, value);
    }
  }
}

/** The address of the one resource a plant targets, read from the unplanted example output. */
function addressOf(plant: Plant): string {
  const { type, nameContains } = plant.findingAt ?? plant;
  const names = Object.keys(example.stack(plant.stack).resource?.[type] ?? {}).filter((name) => name.includes(nameContains));
  if (names.length !== 1) throw new Error(`plant "${plant.name}" matches ${names.length} ${type} in ${plant.stack}, expected 1`);
  return `${type}.${names[0]}`;
}

const runs = new Map<string, { run: SynthRun; outdir: string; before: Record<string, string> }>();
function plantedRun(environment: string) {
  if (!runs.has(environment)) {
    const outdir = previousOutput();
    const before = snapshotTree(outdir);
    const plants = HARDENING_PLANTS.filter((plant) => plant.environment === environment);
    const run = synthInProcess({ configDir: REPO_ROOT, outdir, env: { ENV: environment }, aspects: [new PlantAspect(plants)] });
    runs.set(environment, { run, outdir, before });
  }
  return runs.get(environment)!;
}

describe('issue 16 hardening rules fail synth on a planted violation, naming rule, stack, resource and fix', () => {
  it.each(HARDENING_PLANTS.map((plant) => [`${plant.rule}: ${plant.name}`, plant] as const))('%s', (_name, plant) => {
    const { run, outdir, before } = plantedRun(plant.environment);
    const fix = ALL_RULES.find((rule) => rule.id === plant.rule)!.fix;

    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    const finding = lines.findIndex((line) => line.startsWith(`  error ${plant.rule} ${plant.stack} ${addressOf(plant)}: `));
    expect(finding).toBeGreaterThanOrEqual(0);
    expect(lines[finding + 2]).toBe(`      fix: ${fix}`);
    expect(run.stderr).toContain(`synthesis stopped and ${outdir} was left as it was`);
    expect(snapshotTree(outdir)).toEqual(before);
  });
});
