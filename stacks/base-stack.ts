import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { LocalBackend, S3Backend, TerraformStack, type TerraformBackend } from 'cdktf';
import type { Construct } from 'constructs';
import type { Environment } from '../lib/config/schema/environment';
import { accountIdOf } from '../lib/config/model';
import { isOfflineSynthesis } from '../lib/synthesis-mode';
import { deployRoleArn, deploySessionName, stackId, stateKey, type StackKind } from '../lib/naming';
import { hasAspects, PreparedResolutions } from '../lib/single-resolution';

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
  /** Default tags of every provider of the stack. */
  private readonly tags: Record<string, string>;
  private readonly accountProviders = new Map<string, AwsProvider>();
  /** The stack's one backend, fixed at construction. */
  private readonly backend: TerraformBackend;
  /** Every element resolved once by `prepareStack`, used once by `toTerraform` (lib/single-resolution.ts). */
  private prepared?: PreparedResolutions;

  constructor(scope: Construct, props: LandingZoneStackProps) {
    const id = stackId(props.environment.name, props.kind, props.name);
    super(scope, id);
    const { environment } = props;
    this.stackId = id;
    this.environment = environment;
    this.accountId = accountIdOf(environment, props.accountAlias);

    this.tags = this.defaultTags(props.owner ?? environment.owner);
    this.provider = new AwsProvider(this, 'aws', { region: environment.region, ...this.providerSettings(this.accountId) });
    this.usEast1 = new AwsProvider(this, 'aws-us-east-1', { alias: 'us_east_1', region: 'us-east-1', ...this.providerSettings(this.accountId) });

    if (isOfflineSynthesis(this)) {
      // The same relative path in every stack keeps the backend configuration identical, so offline
      // plans share one initialised data directory (tools/plan-offline).
      this.backend = new LocalBackend(this, { path: 'terraform.tfstate' });
    } else {
      this.backend = this.useStateBucket(environment.stateBackend);
    }
  }

  /**
   * cdktf finds a stack's backend by walking every construct of the stack, and does so for every stack that reads
   * one of its values (a tenth of the 200-service synth: make bench). The backend is set once, in the constructor.
   */
  ensureBackendExists(): TerraformBackend {
    return this.backend;
  }

  /** As cdktf's (backend, then every element resolved to register cross-stack references), keeping the resolutions. */
  prepareStack(): void {
    this.ensureBackendExists();
    this.prepared = new PreparedResolutions(this);
  }

  /** The document stock cdktf builds, from the resolutions `prepareStack` kept; stock cdktf when there are none to trust. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- cdktf's signature
  toTerraform(): any {
    const prepared = this.prepared;
    this.prepared = undefined;
    if (!prepared || hasAspects(this)) return super.toTerraform();
    return prepared.toTerraform();
  }

  /**
   * A home-region provider acting in another account of the environment, for the few resources that must be
   * created there as part of this stack's change (e.g. the network account accepting this stack's Transit
   * Gateway attachment). It assumes that account's deploy role and only allows that account.
   */
  providerForAccount(accountAlias: string): AwsProvider {
    const existing = this.accountProviders.get(accountAlias);
    if (existing) return existing;
    const accountId = accountIdOf(this.environment, accountAlias);
    const provider = new AwsProvider(this, `aws-${accountAlias}`, {
      alias: accountAlias.replace(/-/g, '_'),
      region: this.environment.region,
      ...this.providerSettings(accountId),
    });
    this.accountProviders.set(accountAlias, provider);
    return provider;
  }

  private providerSettings(accountId: string) {
    const { environment } = this;
    const access = isOfflineSynthesis(this)
      ? OFFLINE_PROVIDER_SETTINGS
      : {
          allowedAccountIds: [accountId],
          assumeRole: [{ roleArn: deployRoleArn(environment.region, accountId, environment.deployRoleName), sessionName: deploySessionName(this.stackId) }],
        };
    return { ...access, defaultTags: [{ tags: this.tags }] };
  }

  private useStateBucket(stateBackend: Environment['stateBackend']): TerraformBackend {
    const backend = new S3Backend(this, {
      bucket: stateBackend.bucket,
      key: stateKey(stateBackend.keyPrefix, this.stackId),
      region: stateBackend.region,
      encrypt: true,
      kmsKeyId: stateBackend.kmsKeyId,
      assumeRole: stateBackend.roleArn ? { roleArn: stateBackend.roleArn } : undefined,
    });
    // S3-native locking (Terraform >= 1.10); the cdktf 0.21 binding predates the setting.
    this.addOverride('terraform.backend.s3.use_lockfile', true);
    return backend;
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
