import { createHash } from 'node:crypto';
import { TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { crossStackValue, placeholderArn, placeholderId } from '../../lib/cross-stack';
import { consumersOf } from './access-matrix';
import type { PrivateDomainTarget } from './base-path-mapping';
import type { EndpointDnsTarget } from './consumer-zone';
import type { SharedPrivateDomain } from './shared-private-domain';

/** The producing (gateway) stack: its id seeds the offline placeholders, its account and region shape them. */
export interface PrivateDomainProducer {
  readonly stackId: string;
  readonly accountId: string;
  readonly environment: { readonly region: string };
}

/** A consumer's endpoint as another stack sees it. */
export interface EndpointReference extends EndpointDnsTarget {
  readonly id: string;
}

/** The shared private domain as an API or consumer stack sees it. */
export interface PrivateDomainReference extends PrivateDomainTarget {
  /** ARN of the domain: what the access association names. */
  readonly domainArn: string;
  /** The consumer's execute-api endpoint. */
  endpoint(consumer: string): EndpointReference;
  /** Endpoint ids of the consumers granted `service`: what its private API policy admits. */
  endpointIdsFor(service: string): string[];
  /** ARN of the share an account outside the organization accepts; `undefined` for accounts inside it. */
  shareToAccept(accountId: string): string | undefined;
}

/**
 * Reads the gateway's SharedPrivateDomain from a consuming stack: the producer's tokens (remote state) in deploy mode,
 * deterministic placeholders of the same shape in offline plans (lib/cross-stack.ts). The domain name is a literal
 * from configuration; the stack dependency on the gateway already orders everything after the domain.
 */
export function referencePrivateDomain(consumer: IConstruct, shared: SharedPrivateDomain, producer: PrivateDomainProducer): PrivateDomainReference {
  const sameStack = TerraformStack.of(consumer) === TerraformStack.of(shared);
  const read = <T extends string>(produced: T, placeholder: T): T => (sameStack ? produced : crossStackValue(consumer, produced, placeholder));
  const { stackId, accountId } = producer;
  const { region } = producer.environment;
  const { domainName } = shared;
  const domainNameId = read(shared.domain.domainNameId, placeholderId(undefined, `${stackId}/private-domain`));
  const domainArn = read(shared.domain.arn, placeholderArn({ service: 'apigateway', region, accountId, resource: `/domainnames/${domainName}+${placeholderId(undefined, `${stackId}/private-domain`)}` }));

  const endpoint = (name: string): EndpointReference => {
    const produced = shared.endpoint(name);
    const seed = `${stackId}/endpoint/${name}`;
    const id = read(produced.id, placeholderId('vpce', seed));
    return {
      id,
      dnsName: read(produced.dnsName, `${placeholderId('vpce', seed)}-${placeholderId(undefined, `${seed}/dns`).slice(0, 8)}.execute-api.${region}.vpce.amazonaws.com`),
      hostedZoneId: read(produced.dnsHostedZoneId, `Z${placeholderId(undefined, `${seed}/zone`).toUpperCase()}`),
    };
  };

  return {
    domainName,
    domainNameId,
    domainArn,
    endpoint,
    endpointIdsFor: (service) => consumersOf(shared.matrix, service).map((grant) => endpoint(grant.consumer).id),
    shareToAccept: (account) => {
      const grant = shared.matrix.find((candidate) => candidate.accountId === account);
      if (!grant || grant.inOrganization) return undefined;
      return read(shared.shareFor(account).arn, placeholderArn({ service: 'ram', region, accountId, resource: `resource-share/${uuidFrom(`${stackId}/private-domain-external-share`)}` }));
    },
  };
}

/** A UUID-shaped identifier derived from `seed` (RAM share ARNs end in one). */
function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
