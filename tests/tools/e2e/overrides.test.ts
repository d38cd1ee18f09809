import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { synthesize } from '../../../app/synthesize';
import { emulatorOverride, OVERRIDE_FILE, writeEmulatorOverrides } from '../../../tools/e2e/overrides';
import { readManifest } from '../../../tools/terraform/manifest';
import { REPO_ROOT } from '../../support/example-config';

/** Emulation mode changes nothing in the stacks: it only adds one override file next to each. */
const URL = 'http://127.0.0.1:4566';
const stacksOf = (outdir: string) => readdirSync(path.join(outdir, 'stacks')).sort();

describe('emulator override files', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'uag-e2e-overrides-'));
  const normal = path.join(root, 'normal');
  const emulated = path.join(root, 'emulated');
  synthesize({ configDir: REPO_ROOT, outdir: normal, environments: 'dev' });
  synthesize({ configDir: REPO_ROOT, outdir: emulated, environments: 'dev' });
  writeEmulatorOverrides(readManifest(emulated), URL);
  const override = (stack: string) => JSON.parse(readFileSync(path.join(emulated, 'stacks', stack, OVERRIDE_FILE), 'utf8'));

  it('leaves every stack JSON byte-identical to a normal synth and adds exactly one override file per stack', () => {
    expect(stacksOf(emulated)).toEqual(stacksOf(normal));
    expect(stacksOf(emulated)).toHaveLength(11);
    for (const stack of stacksOf(normal)) {
      expect(readFileSync(path.join(emulated, 'stacks', stack, 'cdk.tf.json'))).toEqual(readFileSync(path.join(normal, 'stacks', stack, 'cdk.tf.json')));
      expect(readdirSync(path.join(emulated, 'stacks', stack)).sort()).toEqual([...readdirSync(path.join(normal, 'stacks', stack)), OVERRIDE_FILE].sort());
    }
  });

  it('sends every provider configuration to the emulator with dummy credentials and at most 3 retries, keeping role assumption', () => {
    const providers = override('dev-gateway').provider.aws as Record<string, unknown>[];
    expect(providers.map((provider) => provider.alias ?? 'default')).toEqual(['default', 'us_east_1', 'network', 'retail_app']);
    expect(providers[0]).toEqual({
      access_key: 'e2e-emulator',
      secret_key: 'e2e-emulator',
      endpoints: [
        Object.fromEntries(
          [
            'acm',
            'apigateway',
            'cloudfront',
            'cloudwatch',
            'ec2',
            'elbv2',
            'events',
            'iam',
            'kms',
            'lambda',
            'logs',
            'ram',
            'route53',
            'secretsmanager',
            'sns',
            'sts',
            'wafv2',
          ].map((service) => [service, URL]),
        ),
      ],
      max_retries: 3,
      s3_use_path_style: true,
      skip_credentials_validation: true,
      skip_metadata_api_check: true,
      skip_region_validation: true,
      sts_region: 'us-east-1',
    });
    expect(
      Object.keys(
        (
          override('dev-api-payments').provider.aws[0] as {
            endpoints: Record<string, string>[];
          }
        ).endpoints[0]!,
      ),
    ).toContain('apigatewayv2');
    expect(
      Object.keys(
        (
          override('dev-security').provider.aws[0] as {
            endpoints: Record<string, string>[];
          }
        ).endpoints[0]!,
      ),
    ).toContain('fms');
  });

  it('points the S3 backend and every remote state at the emulator bucket, keeping bucket, key and region', () => {
    const s3 = {
      access_key: 'e2e-emulator',
      secret_key: 'e2e-emulator',
      endpoints: { s3: URL, sts: URL, iam: URL },
      use_path_style: true,
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      skip_region_validation: true,
    };
    expect(override('dev-api-ledger').terraform.backend.s3).toEqual({
      bucket: 'example-uag-tfstate-nonprod',
      encrypt: true,
      key: 'uag/dev/dev-api-ledger.tfstate',
      region: 'ap-southeast-1',
      use_lockfile: true,
      ...s3,
    });
    expect(override('dev-api-ledger').data.terraform_remote_state).toEqual({
      'cross-stack-reference-input-dev-gateway': {
        config: {
          bucket: 'example-uag-tfstate-nonprod',
          encrypt: true,
          key: 'uag/dev/dev-gateway.tfstate',
          region: 'ap-southeast-1',
          ...s3,
        },
      },
    });
    expect(override('dev-org').data).toBeUndefined();
  });

  it('refuses a resource type it has no endpoint for, naming the stack and the type', () => {
    expect(() => emulatorOverride({ resource: { aws_dynamodb_table: {}, aws_sqs_queue: {} } }, URL, 'dev-x')).toThrow(
      'dev-x: no emulator endpoint for aws_dynamodb_table, aws_sqs_queue; add the type prefix to ENDPOINT_BY_TYPE_PREFIX in tools/e2e/overrides.ts',
    );
  });
});
