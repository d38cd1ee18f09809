import { RamResourceShareAccepter } from '@cdktf/provider-aws/lib/ram-resource-share-accepter';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { DomainAccessAssociation } from './access-association';
import { ConsumerDomainZone } from './consumer-zone';
import type { PrivateDomainReference } from './private-domain-reference';

/** A consumer of this account: its name under `consumers` and its VPC. */
export interface AccountConsumer {
  readonly name: string;
  readonly vpcId: string;
}

export interface ConsumerAccessProps {
  /** The gateway's shared private domain, read from this stack. */
  readonly domain: PrivateDomainReference;
  /** Account id of this (consumer) stack. */
  readonly accountId: string;
  /** The consumers of this account. */
  readonly consumers: readonly AccountConsumer[];
  /** Provider acting in this account.
   * @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * The consumer side of the internal path in `<env>-spoke-<account>`: for an account outside the organization the
 * acceptance of the RAM invitation (once per account); per consumer VPC the access association of its endpoint with
 * the shared domain and a private hosted zone whose record points the domain at that endpoint.
 */
export class ConsumerAccess extends Construct {
  /** Acceptance of the share invitation; only for an account outside the organization. */
  readonly accepter?: RamResourceShareAccepter;
  readonly associations: ReadonlyMap<string, DomainAccessAssociation>;
  readonly zones: ReadonlyMap<string, ConsumerDomainZone>;

  constructor(scope: Construct, id: string, props: ConsumerAccessProps) {
    super(scope, id);
    const shareArn = props.domain.shareToAccept(props.accountId);
    if (shareArn !== undefined) this.accepter = new RamResourceShareAccepter(this, 'ShareAccepter', { provider: props.provider, shareArn });

    const associations = new Map<string, DomainAccessAssociation>();
    const zones = new Map<string, ConsumerDomainZone>();
    for (const consumer of [...props.consumers].sort((a, b) => a.name.localeCompare(b.name))) {
      const endpoint = props.domain.endpoint(consumer.name);
      associations.set(
        consumer.name,
        new DomainAccessAssociation(this, `Association-${consumer.name}`, {
          provider: props.provider,
          domainArn: props.domain.domainArn,
          vpcEndpointId: endpoint.id,
          acceptedShare: this.accepter,
        }),
      );
      zones.set(
        consumer.name,
        new ConsumerDomainZone(this, `Zone-${consumer.name}`, {
          provider: props.provider,
          domainName: props.domain.domainName,
          vpcId: consumer.vpcId,
          endpoint,
        }),
      );
    }
    this.associations = associations;
    this.zones = zones;
  }
}
