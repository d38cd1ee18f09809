import { z } from 'zod';
import { AuthorizerSchema } from './authorizer';
import { accountId, awsRegion, dnsName, ipv4Address, slug } from './fields';
import { ApiStagesSchema, CloudFrontSchema, DomainsSchema, ObservabilitySchema } from './gateway';
import { GuardrailsSchema } from './guardrails';
import { NetworkSchema, VpcReferenceSchema } from './network';
import { OrganizationSchema } from './organization';
import { ConsumerEndpointSchema, PrivateDomainSchema } from './private-domain';
import { FirewallManagerSchema, ShieldSchema, WafSchema } from './security';

/**
 * `environments/<env>.yaml`: everything that differs between dev, staging and prod.
 * Accounts are declared once under `accounts` and referenced everywhere else by alias.
 */

const accountAlias = slug.meta({ description: 'Alias of an account declared under `accounts`.' });

const Account = z
  .strictObject({
    id: accountId,
    description: z.string().optional().meta({ description: 'What the account is for; shown in reviews.' }),
    inOrganization: z
      .boolean()
      .default(true)
      .meta({ description: 'Whether the account belongs to the AWS Organization (RAM shares inside it are accepted automatically).' }),
  })
  .meta({ description: 'An AWS account this environment deploys to or shares with.' });

const StateBackend = z
  .strictObject({
    bucket: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'must be an S3 bucket name (3-63 lowercase letters, digits, dots, dashes)' })
      .meta({ description: 'S3 bucket holding one state file per stack.' }),
    region: awsRegion,
    keyPrefix: z
      .string()
      .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, { error: 'must be a path of lowercase segments such as uag/prod' })
      .default('uag')
      .meta({ description: 'Prefix of every state key; the stack id is appended.' }),
    kmsKeyId: z.string().optional().meta({ description: 'KMS key for state encryption; S3-managed keys when absent.' }),
    roleArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, { error: 'must be an IAM role ARN' })
      .optional()
      .meta({ description: 'Role to assume for state access when the bucket lives in another account.' }),
  })
  .meta({ description: 'Remote state: S3 with native locking (use_lockfile) and encryption.' });

const LandingZoneRoles = z
  .strictObject({
    management: accountAlias.meta({ description: 'Organization management account (Firewall Manager delegation, RAM with Organizations).' }),
    security: accountAlias.meta({ description: 'Security account, delegated Firewall Manager administrator.' }),
    network: accountAlias.meta({ description: 'Network hub account that owns the Transit Gateway.' }),
    gateway: accountAlias.meta({ description: 'Central API gateway account.' }),
  })
  .meta({ description: 'Which declared account plays which landing-zone role.' });

const Consumer = z
  .strictObject({
    account: accountAlias,
    vpc: VpcReferenceSchema,
    services: z.array(slug).default([]).meta({ description: 'Private services this consumer may call.' }),
    endpoint: ConsumerEndpointSchema,
  })
  .meta({ description: 'An internal consumer that reaches private APIs through the private custom domain.' });

const ServiceBackend = z
  .strictObject({
    account: accountAlias.meta({ description: 'Account whose VPC runs the backend (vpcLink) or that owns the function (lambda).' }),
    addresses: z
      .array(ipv4Address)
      .min(1)
      .optional()
      .meta({ description: 'vpcLink backends (required): backend IP addresses (NLB IP targets). lambda backends: absent.' }),
    listenerPort: z
      .number()
      .int()
      .min(1)
      .max(65535)
      .optional()
      .meta({ description: 'NLB listener port; defaults to the backend port. With a shared NLB, every service needs its own.' }),
    tlsServerName: dnsName.optional().meta({
      description:
        'TLS backends only: the host name API Gateway puts in the integration URI and verifies the NLB listener certificate against (Host header and SNI). Must be covered by network.privateIntegrations.tlsCertificateArn.',
      examples: ['payments.internal.example.com'],
    }),
  })
  .meta({ description: 'Where the service runs in this environment.' });

const ServiceDeployment = z
  .strictObject({
    enabled: z.boolean().default(true).meta({ description: 'Deploy the service to this environment.' }),
    backend: ServiceBackend.optional(),
  })
  .meta({ description: 'A service from services/<name>/ deployed to this environment.' });

export const EnvironmentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: slug.meta({ description: 'Environment name; equals the file name.', examples: ['prod'] }),
    region: awsRegion.meta({ description: 'Home region of the environment.' }),
    deployRoleName: z
      .string()
      .regex(/^[\w+=,.@-]{1,64}$/, { error: 'must be an IAM role name' })
      .default('uag-deployer')
      .meta({ description: 'Role assumed in every account by the stack providers.' }),
    owner: z.string().min(1).meta({ description: 'Owner tag: the team that answers for this environment.' }),
    repository: z.string().min(1).meta({ description: 'Repository tag: where the code lives.' }),
    tags: z
      .record(z.string().regex(/^[\w.:/=+@ -]{1,128}$/), z.string().max(256))
      .default({})
      .meta({ description: 'Extra default tags on every resource.' }),
    stateBackend: StateBackend,
    accounts: z.record(accountAlias, Account).meta({ description: 'Every account this environment touches, by alias.' }),
    roles: LandingZoneRoles,
    network: NetworkSchema,
    domains: DomainsSchema,
    api: ApiStagesSchema,
    cloudFront: CloudFrontSchema,
    observability: ObservabilitySchema,
    authorizer: AuthorizerSchema,
    organization: OrganizationSchema.optional(),
    waf: WafSchema,
    shield: ShieldSchema,
    firewallManager: FirewallManagerSchema.optional(),
    guardrails: GuardrailsSchema,
    consumers: z.record(slug, Consumer).default({}),
    privateDomain: PrivateDomainSchema,
    services: z.record(slug, ServiceDeployment).default({}),
  })
  .meta({ title: 'Unified API gateway environment', description: 'environments/<env>.yaml' });

export type EnvironmentInput = z.input<typeof EnvironmentSchema>;
export type Environment = z.output<typeof EnvironmentSchema>;
