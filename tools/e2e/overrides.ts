import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SynthesizedStack } from '../terraform/manifest';

/** Dummy credentials: the emulator accepts any; they must never be real ones. */
export const EMULATOR_CREDENTIALS = {
  access_key: 'e2e-emulator',
  secret_key: 'e2e-emulator',
} as const;

/** Name of the override file written next to each stack's cdk.tf.json (Terraform merges `*_override.tf.json` last). */
export const OVERRIDE_FILE = 'emulator_override.tf.json';

/**
 * Provider `endpoints` key of the AWS service behind each resource or data source type prefix the project uses.
 * A type with no entry stops the run with its name: an endpoint left out would send that call to real AWS.
 */
const ENDPOINT_BY_TYPE_PREFIX: readonly [string, string][] = [
  ['aws_acm_', 'acm'],
  ['aws_apigatewayv2_', 'apigatewayv2'],
  ['aws_api_gateway_', 'apigateway'],
  ['aws_cloudfront_', 'cloudfront'],
  ['aws_cloudwatch_event_', 'events'],
  ['aws_cloudwatch_log_', 'logs'],
  ['aws_cloudwatch_', 'cloudwatch'],
  ['aws_ec2_', 'ec2'],
  ['aws_flow_log', 'ec2'],
  ['aws_route_table', 'ec2'],
  ['aws_route53_', 'route53'],
  ['aws_route', 'ec2'],
  ['aws_subnet', 'ec2'],
  ['aws_security_group', 'ec2'],
  ['aws_default_security_group', 'ec2'],
  ['aws_vpc', 'ec2'],
  ['aws_fms_', 'fms'],
  ['aws_iam_policy_document', ''],
  ['aws_iam_', 'iam'],
  ['aws_kms_', 'kms'],
  ['aws_lambda_', 'lambda'],
  ['aws_lb', 'elbv2'],
  ['aws_partition', ''],
  ['aws_ram_', 'ram'],
  ['aws_s3_', 's3'],
  ['aws_secretsmanager_', 'secretsmanager'],
  ['aws_shield_', 'shield'],
  ['aws_sns_', 'sns'],
  ['aws_wafv2_', 'wafv2'],
  ['aws_caller_identity', 'sts'],
  ['aws_region', ''],
  ['terraform_data', ''],
];
/** Called by every provider configuration whatever its resources: role assumption and the account id check. */
const ALWAYS = ['sts', 'iam'];

interface StackJson {
  provider?: { aws?: { alias?: string }[] };
  terraform?: { backend?: { s3?: Record<string, unknown> } };
  resource?: Record<string, unknown>;
  data?: Record<string, unknown> & {
    terraform_remote_state?: Record<string, { backend: string; config: Record<string, unknown> }>;
  };
}

/** The endpoint keys a stack needs, or the unknown types (so every one is reported at once). */
export function endpointsOf(json: StackJson): {
  endpoints: string[];
  unknown: string[];
} {
  const endpoints = new Set(ALWAYS);
  const unknown: string[] = [];
  const types = [...Object.keys(json.resource ?? {}), ...Object.keys(json.data ?? {}).filter((type) => type !== 'terraform_remote_state')];
  for (const type of types) {
    const match = ENDPOINT_BY_TYPE_PREFIX.find(([prefix]) => type.startsWith(prefix));
    if (!match) unknown.push(type);
    else if (match[1]) endpoints.add(match[1]);
  }
  return { endpoints: [...endpoints].sort(), unknown };
}

/** Settings shared by the S3 backend and every `terraform_remote_state` reading it: the emulator's bucket. */
function s3BackendSettings(url: string): Record<string, unknown> {
  return {
    ...EMULATOR_CREDENTIALS,
    endpoints: { s3: url, sts: url, iam: url },
    use_path_style: true,
    skip_credentials_validation: true,
    skip_requesting_account_id: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
  };
}

/**
 * The override for one stack: every provider configuration (each alias) sends every service it uses to the
 * emulator with dummy credentials and at most 3 retries (the provider's default of 25 retries makes a call to an
 * operation the emulator lacks hang for minutes); the S3 backend and every remote state read the emulator's bucket.
 * Role assumption stays as synthesized: the emulator honours the assumed role's account, so each stack lands in
 * its own account and `allowed_account_ids` holds. Nothing else changes, and cdk.tf.json is not touched.
 */
export function emulatorOverride(json: StackJson, url: string, stackId: string): Record<string, unknown> {
  const { endpoints, unknown } = endpointsOf(json);
  if (unknown.length > 0) {
    throw new Error(`${stackId}: no emulator endpoint for ${unknown.join(', ')}; add the type prefix to ENDPOINT_BY_TYPE_PREFIX in tools/e2e/overrides.ts`);
  }
  const providers = (json.provider?.aws ?? []).map((provider) => ({
    ...(provider.alias ? { alias: provider.alias } : {}),
    ...EMULATOR_CREDENTIALS,
    endpoints: [Object.fromEntries(endpoints.map((service) => [service, url]))],
    max_retries: 3,
    s3_use_path_style: true,
    skip_credentials_validation: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
    sts_region: 'us-east-1',
  }));
  const override: Record<string, unknown> = { provider: { aws: providers } };
  // A backend block in an override file replaces the original one whole, so it repeats bucket, key and region.
  if (json.terraform?.backend?.s3)
    override.terraform = {
      backend: {
        s3: { ...json.terraform.backend.s3, ...s3BackendSettings(url) },
      },
    };
  const remoteStates = json.data?.terraform_remote_state ?? {};
  if (Object.keys(remoteStates).length > 0) {
    override.data = {
      terraform_remote_state: Object.fromEntries(
        Object.entries(remoteStates).map(([name, remote]) => [name, { config: { ...remote.config, ...s3BackendSettings(url) } }]),
      ),
    };
  }
  return override;
}

/** Writes the override next to each stack's cdk.tf.json; every problem of every stack is reported at once. */
export function writeEmulatorOverrides(stacks: readonly SynthesizedStack[], url: string): void {
  const problems: string[] = [];
  const overrides = stacks.map((stack) => {
    try {
      return emulatorOverride(JSON.parse(readFileSync(path.join(stack.directory, 'cdk.tf.json'), 'utf8')) as StackJson, url, stack.id);
    } catch (error) {
      problems.push((error as Error).message);
      return undefined;
    }
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  stacks.forEach((stack, index) => writeFileSync(path.join(stack.directory, OVERRIDE_FILE), `${JSON.stringify(overrides[index], null, 2)}\n`));
}
