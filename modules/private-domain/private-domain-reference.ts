import type { PrivateDomainTarget } from './base-path-mapping';
import type { EndpointDnsTarget } from './consumer-zone';

/** A consumer's endpoint as another stack sees it. */
export interface EndpointReference extends EndpointDnsTarget {
  readonly id: string;
}

/** The shared private domain as an API or consumer stack sees it (handed over by the gateway stack's contract). */
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
