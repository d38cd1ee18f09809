import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { resourceName } from '../../lib/naming';
import { DnsValidatedCertificate } from '../edge/dns-validated-certificate';
import { consumersOf, principalAccounts, type ConsumerGrant } from '../../lib/config/views/access-matrix';
import { ConsumerEndpoint } from './consumer-endpoint';
import { RamShare } from '../organization/ram-share';
import { PrivateDomainName } from './private-domain-name';

/** A consumer VPC that gets an execute-api endpoint. */
export interface ConsumerVpc {
  readonly vpc: { readonly id: string; readonly cidr: string; readonly subnetIds?: readonly string[] };
  readonly endpoint: { readonly privateDns: boolean };
}

export interface SharedPrivateDomainProps {
  /** Environment name, prefix of the resource names. */
  readonly environment: string;
  readonly region: string;
  /** The private hostname consumers call (`domains.private`). */
  readonly domainName: string;
  /** Public hosted zone that validates the domain's certificate when none is configured. */
  readonly hostedZoneId: string;
  /** Certificate of the domain.
   * @default - a DNS-validated certificate is requested */
  readonly certificateArn?: string;
  /** Who may call which private service (lib/config/views/access-matrix.ts). */
  readonly matrix: readonly ConsumerGrant[];
  /** The consumers' VPCs by consumer name. */
  readonly consumers: Readonly<Record<string, ConsumerVpc>>;
  /** A provider acting in a consumer's account, by account alias (LandingZoneStack.providerForAccount). */
  readonly providerForAccount: (accountAlias: string) => TerraformProvider;
}

/**
 * The provider side of the internal path, in `<env>-gateway`: one execute-api endpoint per consumer VPC (created in the
 * consumer's account, because the domain policy must name it), the private custom domain admitting exactly those
 * endpoints, and the RAM shares of the domain to the consumer accounts. Consumer stacks associate their endpoint with
 * the domain after this stack is applied (referencePrivateDomain, ConsumerAccess); docs/decisions/0006-private-domain.md.
 */
export class SharedPrivateDomain extends Construct {
  readonly domain: PrivateDomainName;
  /** The hostname consumers call (`domains.private`), as a literal. */
  readonly domainName: string;
  /** The access matrix the endpoints, policies, shares and the share auditor are built from. */
  readonly matrix: readonly ConsumerGrant[];
  /** Endpoints by consumer name. */
  readonly endpoints: ReadonlyMap<string, ConsumerEndpoint>;
  /** Share to the consumer accounts inside the organization (external principals refused). */
  readonly organizationShare?: RamShare;
  /** Share to consumer accounts declared outside the organization; each accepts its invitation. */
  readonly externalShare?: RamShare;
  /** ARN of the certificate the domain serves. */
  readonly certificateArn: string;

  constructor(scope: Construct, id: string, props: SharedPrivateDomainProps) {
    super(scope, id);
    const { environment } = props;
    this.matrix = props.matrix;
    this.domainName = props.domainName;

    this.endpoints = new Map(
      this.matrix.map((grant) => {
        const consumer = props.consumers[grant.consumer]!;
        if (!consumer.vpc.subnetIds)
          throw new Error(`consumer "${grant.consumer}" has no vpc.subnetIds; the configuration rule consumer-endpoints should have refused it`);
        const endpoint = new ConsumerEndpoint(this, `Endpoint-${grant.consumer}`, {
          environment,
          region: props.region,
          consumer: grant.consumer,
          vpc: { id: consumer.vpc.id, cidr: consumer.vpc.cidr, subnetIds: consumer.vpc.subnetIds },
          privateDns: consumer.endpoint.privateDns,
          provider: props.providerForAccount(grant.accountAlias),
        });
        return [grant.consumer, endpoint];
      }),
    );

    this.certificateArn =
      props.certificateArn ?? new DnsValidatedCertificate(this, 'Certificate', { domainName: this.domainName, hostedZoneId: props.hostedZoneId }).validatedArn;
    this.domain = new PrivateDomainName(this, 'Domain', {
      domainName: this.domainName,
      certificateArn: this.certificateArn,
      allowedVpcEndpointIds: [...this.endpoints.values()].map((endpoint) => endpoint.id),
    });

    const insiders = principalAccounts(this.matrix, true);
    const outsiders = principalAccounts(this.matrix, false);
    if (insiders.length > 0) {
      this.organizationShare = new RamShare(this, 'Share', {
        name: resourceName(environment, 'private-domain'),
        resource: { associationId: 'Domain', arn: this.domain.arn },
        principalAccountIds: insiders,
        external: false,
      });
    }
    if (outsiders.length > 0) {
      this.externalShare = new RamShare(this, 'ExternalShare', {
        name: resourceName(environment, 'private-domain', 'external'),
        resource: { associationId: 'Domain', arn: this.domain.arn },
        principalAccountIds: outsiders,
        external: true,
      });
    }
  }

  /** The endpoint of a consumer; throws for a consumer not in the access matrix. */
  endpoint(consumer: string): ConsumerEndpoint {
    const endpoint = this.endpoints.get(consumer);
    if (!endpoint) throw new Error(`no consumer "${consumer}" in the access matrix; declared: ${[...this.endpoints.keys()].join(', ') || '(none)'}`);
    return endpoint;
  }

  /** Endpoints of the consumers granted `service`: what the service's private API policy admits. */
  endpointsFor(service: string): ConsumerEndpoint[] {
    return consumersOf(this.matrix, service).map((grant) => this.endpoint(grant.consumer));
  }

  /** The share that carries `accountId` (external share for accounts outside the organization). */
  shareFor(accountId: string): RamShare {
    const share = [this.organizationShare, this.externalShare].find((candidate) => candidate?.principals.has(accountId));
    if (!share) throw new Error(`account ${accountId} is no principal of the private domain shares`);
    return share;
  }
}
