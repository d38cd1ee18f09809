import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Environment } from '../lib/config/schema/environment';
import { accountIdOf } from '../lib/config/model';
import { deployRoleArn, deploySessionName, stackId, stateKey, type StackKind } from '../lib/naming';

export interface LandingZoneStackProps {
  /** The validated environment the stack belongs to. */
  readonly environment: Environment;
  /** Kind of stack; part of its id. */
  readonly kind: StackKind;
  /** Alias (under `accounts`) of the account the stack deploys into. */
  readonly accountAlias: string;
  /** Suffix of the stack id for kinds that exist more than once (service name, account id).
   * @default - none */
  readonly name?: string;
  /** Value of the Owner tag.
   * @default - the environment's owner */
  readonly owner?: string;
}

/**
 * Every stack of the landing zone: its own state, a provider that can only act in its own account,
 * an aliased us-east-1 provider for global resources, and the organization's default tags.
 */
export class LandingZoneStack extends TerraformStack {
  /** `<env>-<kind>[-<name>]`. */
  readonly stackId: string;
  readonly environment: Environment;
  /** The 12-digit id of the account this stack deploys into. */
  readonly accountId: string;
  /** Provider in the environment's home region. */
  readonly provider: AwsProvider;
  /** Provider in us-east-1 for CloudFront-scope WAF, CloudFront certificates and Shield. */
  readonly usEast1: AwsProvider;

  constructor(scope: Construct, props: LandingZoneStackProps) {
    const id = stackId(props.environment.name, props.kind, props.name);
    super(scope, id);
    const { environment } = props;
    this.stackId = id;
    this.environment = environment;
    this.accountId = accountIdOf(environment, props.accountAlias);

    const providerSettings = {
      allowedAccountIds: [this.accountId],
      assumeRole: [{ roleArn: deployRoleArn(environment.region, this.accountId, environment.deployRoleName), sessionName: deploySessionName(id) }],
      defaultTags: [{ tags: this.defaultTags(props.owner ?? environment.owner) }],
    };
    this.provider = new AwsProvider(this, 'aws', { region: environment.region, ...providerSettings });
    this.usEast1 = new AwsProvider(this, 'aws-us-east-1', { alias: 'us_east_1', region: 'us-east-1', ...providerSettings });

    const { stateBackend } = environment;
    new S3Backend(this, {
      bucket: stateBackend.bucket,
      key: stateKey(stateBackend.keyPrefix, id),
      region: stateBackend.region,
      encrypt: true,
      kmsKeyId: stateBackend.kmsKeyId,
      assumeRole: stateBackend.roleArn ? { roleArn: stateBackend.roleArn } : undefined,
    });
    // S3-native locking (Terraform >= 1.10); the cdktf 0.21 binding predates the setting.
    this.addOverride('terraform.backend.s3.use_lockfile', true);
  }

  private defaultTags(owner: string): Record<string, string> {
    return {
      ...this.environment.tags,
      Environment: this.environment.name,
      Stack: this.stackId,
      ManagedBy: 'cdktf',
      Repository: this.environment.repository,
      Owner: owner,
    };
  }
}
