import { z } from 'zod';
import { ipv4Cidr, logRetentionDays, slug, wildcardDnsName } from './fields';

/**
 * `network:` in environments/<env>.yaml: the Transit Gateway hub, the gateway VPC, the backend spokes and the
 * private integrations (NLB + VPC link) that connect API Gateway to backends in other accounts.
 */

/** Segment of the gateway VPC; every other segment is a backend segment isolated from its peers. */
export const GATEWAY_SEGMENT = 'gateway';

/** Default API Gateway and ELB quotas (adjustable with AWS; raise them here after AWS raised them). */
export const DEFAULT_QUOTAS = { vpcLinksPerRegion: 20, listenersPerLoadBalancer: 50, targetsPerTargetGroup: 1000 } as const;

const vpcId = z.string().regex(/^vpc-[0-9a-f]{8,17}$/, { error: (issue) => `must be a VPC id such as vpc-0a1b2c3d4e5f67890, got "${String(issue.input)}"` });
const subnetId = z
  .string()
  .regex(/^subnet-[0-9a-f]{8,17}$/, { error: (issue) => `must be a subnet id such as subnet-0a1b2c3d4e5f67890, got "${String(issue.input)}"` });
const routeTableId = z
  .string()
  .regex(/^rtb-[0-9a-f]{8,17}$/, { error: (issue) => `must be a route table id such as rtb-0a1b2c3d4e5f67890, got "${String(issue.input)}"` });

/** A VPC owned by a service or consumer account. */
export const VpcReferenceSchema = z.strictObject({
  id: vpcId.meta({ description: 'Existing VPC id in the account.' }),
  cidr: ipv4Cidr,
  subnetIds: z.array(subnetId).min(2).optional().meta({ description: 'Subnets in at least two availability zones (TGW attachment or VPC endpoint ENIs).' }),
  routeTableIds: z.array(routeTableId).min(1).optional().meta({ description: 'Route tables that get routes to the gateway VPC.' }),
});

/** A backend VPC: an existing one to attach, or a new one the spoke stack creates. */
const SpokeVpcSchema = z
  .strictObject({
    create: z.boolean().default(false).meta({ description: 'Create a new VPC in the spoke account instead of attaching an existing one.' }),
    id: vpcId.optional().meta({ description: 'Existing VPC id (omit with create: true).' }),
    cidr: ipv4Cidr,
    subnetIds: z.array(subnetId).min(2).optional().meta({ description: 'Existing subnets for the TGW attachment, one per AZ, at least two.' }),
    routeTableIds: z.array(routeTableId).min(1).optional().meta({ description: 'Existing route tables that get a route to the gateway VPC.' }),
    availabilityZones: z.number().int().min(2).max(6).default(2).meta({ description: 'AZs of a created VPC.' }),
  })
  .superRefine((vpc, ctx) => {
    const existing = ['id', 'subnetIds', 'routeTableIds'] as const;
    for (const key of existing) {
      if (vpc.create && vpc[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} describes an existing VPC but create is true`, input: vpc[key] });
      }
      if (!vpc.create && vpc[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required to attach an existing VPC (or set create: true)`, input: undefined });
      }
    }
  });

export const SpokeSchema = z
  .strictObject({
    account: slug.meta({ description: 'Alias of the service account owning the VPC.' }),
    segment: slug.default('backends').meta({ description: 'Transit Gateway segment (route table) the VPC joins.' }),
    vpc: SpokeVpcSchema,
  })
  .meta({ description: 'A service team VPC attached to the shared Transit Gateway.' });

const PrivateIntegrationsSchema = z
  .strictObject({
    nlbStrategy: z
      .enum(['per-service', 'shared'])
      .default('per-service')
      .meta({ description: 'per-service: one internal NLB and VPC link per service; shared: one NLB with a listener per service port and one VPC link.' }),
    tlsCertificateArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/, { error: 'must be an ACM certificate ARN' })
      .optional()
      .meta({ description: 'ACM certificate for TLS listeners of backends that speak TLS (required when one does).' }),
    tlsCertificateNames: z.array(wildcardDnsName).min(1).optional().meta({
      description:
        "The names tlsCertificateArn covers (its subject alternative names, e.g. *.internal.example.com); when set, every TLS backend's tlsServerName must match one of them.",
    }),
    deletionProtection: z
      .boolean()
      .default(true)
      .meta({ description: 'Refuse deletion of the NLBs through the API; keep it on in prod, switch it off for throw-away environments.' }),
    accessLogsBucket: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'must be an S3 bucket name' })
      .optional()
      .meta({ description: 'S3 bucket for NLB access logs; no access logs when absent.' }),
    quotas: z
      .strictObject({
        vpcLinksPerRegion: z.number().int().positive().default(DEFAULT_QUOTAS.vpcLinksPerRegion),
        listenersPerLoadBalancer: z.number().int().positive().default(DEFAULT_QUOTAS.listenersPerLoadBalancer),
        targetsPerTargetGroup: z.number().int().positive().default(DEFAULT_QUOTAS.targetsPerTargetGroup),
      })
      .default(DEFAULT_QUOTAS)
      .meta({ description: 'Service quotas of the gateway account; defaults are the AWS defaults.' }),
  })
  .default({ nlbStrategy: 'per-service', deletionProtection: true, quotas: DEFAULT_QUOTAS })
  .meta({ description: 'How API Gateway reaches backends: internal NLBs behind REST API VPC links.' });

export const NetworkSchema = z.strictObject({
  transitGateway: z.strictObject({
    amazonSideAsn: z
      .number()
      .int()
      .refine((asn) => (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294), {
        error: 'must be a private ASN (64512-65534 or 4200000000-4294967294)',
      }),
    segments: z
      .array(slug)
      .min(2)
      .default([GATEWAY_SEGMENT, 'backends'])
      .meta({ description: `Route tables; "${GATEWAY_SEGMENT}" holds the gateway VPC, every other one isolates its spokes from each other.` }),
  }),
  gatewayVpc: z.strictObject({
    cidr: ipv4Cidr,
    availabilityZones: z.number().int().min(2).max(6).default(3),
  }),
  spokes: z.array(SpokeSchema).default([]),
  privateIntegrations: PrivateIntegrationsSchema,
  flowLogRetentionDays: logRetentionDays.default(365),
});

export type Network = z.output<typeof NetworkSchema>;
export type Spoke = Network['spokes'][number];
