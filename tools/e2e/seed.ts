import type { Environment } from '../../lib/config/schema/environment';

/** What the emulator creates before the first apply (tools/e2e/emulator/seed.py reads it). */
export interface EmulatorSeed {
  /** Every account and region the environment deploys to (their moto defaults join the inventory's baseline). */
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  readonly stateBucket: { readonly name: string; readonly region: string };
  readonly vpcs: readonly {
    account: string;
    region: string;
    id: string;
    cidr: string;
    subnetIds: readonly string[];
    routeTableIds: readonly string[];
  }[];
  readonly hostedZones: readonly {
    account: string;
    name: string;
    id: string;
  }[];
  readonly certificates: readonly { arn: string; domain: string }[];
}

/**
 * The resources an environment references by literal id and expects to exist already, derived from its
 * configuration so the seed can never drift from it: spoke VPCs that are attached rather than created, consumer
 * VPCs, the Firewall Manager reference VPC, the public hosted zone (in the gateway account, where the records are written), imported certificates.
 */
export function seedFromEnvironment(environment: Environment): EmulatorSeed {
  const accountId = (alias: string): string => {
    const account = environment.accounts[alias];
    if (!account) throw new Error(`environments/${environment.name}.yaml: account alias "${alias}" is not under accounts`);
    return account.id;
  };
  const region = environment.region;
  const spokes = environment.network.spokes
    .filter((spoke) => !spoke.vpc.create)
    .map((spoke) => ({
      account: accountId(spoke.account),
      region,
      id: spoke.vpc.id!,
      cidr: spoke.vpc.cidr,
      subnetIds: spoke.vpc.subnetIds ?? [],
      routeTableIds: spoke.vpc.routeTableIds ?? [],
    }));
  const consumers = Object.values(environment.consumers).map((consumer) => ({
    account: accountId(consumer.account),
    region,
    id: consumer.vpc.id,
    cidr: consumer.vpc.cidr,
    subnetIds: consumer.vpc.subnetIds ?? [],
    routeTableIds: consumer.vpc.routeTableIds ?? [],
  }));
  // The Firewall Manager audit's reference VPC, in the account the security stack deploys to. The configuration
  // names no CIDR for it (nothing reads one), so any private range does.
  const referenceVpcId = environment.firewallManager?.securityGroupAudit?.referenceVpcId;
  const referenceVpc = referenceVpcId
    ? [
        {
          account: accountId(environment.roles.security),
          region,
          id: referenceVpcId,
          cidr: '10.255.0.0/16',
          subnetIds: [],
          routeTableIds: [],
        },
      ]
    : [];
  const certificates = [
    {
      arn: environment.network.privateIntegrations.tlsCertificateArn,
      domain: `nlb.${environment.domains.private}`,
    },
    ...(environment.privateDomain.certificateArn
      ? [
          {
            arn: environment.privateDomain.certificateArn,
            domain: environment.domains.private,
          },
        ]
      : []),
  ].filter((certificate): certificate is { arn: string; domain: string } => typeof certificate.arn === 'string');
  return {
    accounts: Object.values(environment.accounts).map((account) => account.id),
    regions: [...new Set([region, 'us-east-1'])],
    stateBucket: {
      name: environment.stateBackend.bucket,
      region: environment.stateBackend.region,
    },
    vpcs: [...spokes, ...consumers, ...referenceVpc],
    hostedZones: [
      {
        account: accountId(environment.roles.gateway),
        name: environment.domains.hostedZone,
        id: environment.domains.hostedZoneId,
      },
    ],
    certificates,
  };
}
