import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';

/** Where the domain's record points: the consumer's execute-api endpoint. */
export interface EndpointDnsTarget {
  /** Regional DNS name of the endpoint. */
  readonly dnsName: string;
  /** Route 53 zone id of that name. */
  readonly hostedZoneId: string;
}

export interface ConsumerDomainZoneProps {
  /** The private custom domain, e.g. `api.internal.example.com`; the zone is named after it. */
  readonly domainName: string;
  /** The consumer VPC the zone is associated with (and only it). */
  readonly vpcId: string;
  readonly endpoint: EndpointDnsTarget;
  /** Provider acting in the consumer's account.
   * @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * A Route 53 private hosted zone for the private domain, associated with the consumer VPC, whose apex is an alias
 * of the consumer's execute-api endpoint: inside that VPC `https://<domain>/<service>` reaches the gateway.
 */
export class ConsumerDomainZone extends Construct {
  readonly resource: Route53Zone;
  readonly record: Route53Record;

  constructor(scope: Construct, id: string, props: ConsumerDomainZoneProps) {
    super(scope, id);
    this.resource = new Route53Zone(this, 'Resource', {
      provider: props.provider,
      name: props.domainName,
      comment: `Private APIs of the unified gateway through the execute-api endpoint of ${props.vpcId}`,
      vpc: [{ vpcId: props.vpcId }],
    });
    this.record = new Route53Record(this, 'DomainRecord', {
      provider: props.provider,
      zoneId: this.resource.zoneId,
      name: props.domainName,
      type: 'A',
      alias: { name: props.endpoint.dnsName, zoneId: props.endpoint.hostedZoneId, evaluateTargetHealth: false },
    });
  }
}
