import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Environment } from '../lib/config/schema/environment';
import { accountIdOf } from '../lib/config/model';
import { isOfflineSynthesis } from '../lib/cross-stack';
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
 * Offline plans (`UAG_OFFLINE=1`, `make plan-offline`): no role to assume and no account to check, static
 * dummy credentials and every start-up call to AWS skipped, so `terraform plan` runs without network.
 */
const OFFLINE_PROVIDER_SETTINGS = {
  accessKey: 'offline-plan-no-credentials',
  secretKey: 'offline-plan-no-credentials',
  skipCredentialsValidation: true,
  skipRequestingAccountId: true,
  skipMetadataApiCheck: 'true',
  skipRegionValidation: true,
};

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

    const offline = isOfflineSynthesis(this);
    const providerSettings = {
      ...(offline ? OFFLINE_PROVIDER_SETTINGS : {
        allowedAccountIds: [this.accountId],
        assumeRole: [{ roleArn: deployRoleArn(environment.region, this.accountId, environment.deployRoleName), sessionName: deploySessionName(id) }],
      }),
      defaultTags: [{ tags: this.defaultTags(props.owner ?? environment.owner) }],
    };
    this.provider = new AwsProvider(this, 'aws', { region: environment.region, ...providerSettings });
    this.usEast1 = new AwsProvider(this, 'aws-us-east-1', { alias: 'us_east_1', region: 'us-east-1', ...providerSettings });

    if (offline) {
      // The same relative path in every stack keeps the backend configuration identical, so offline
      // plans share one initialised data directory (tools/plan-offline).
      new LocalBackend(this, { path: 'terraform.tfstate' });
    } else {
      this.useStateBucket(environment.stateBackend);
    }
  }

  private useStateBucket(stateBackend: Environment['stateBackend']): void {
    new S3Backend(this, {
      bucket: stateBackend.bucket,
      key: stateKey(stateBackend.keyPrefix, this.stackId),
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
