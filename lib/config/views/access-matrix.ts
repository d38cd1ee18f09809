import type { Environment } from '../schema/environment';

/** One row of the access matrix: a consumer VPC, its account, and the private services it may call. */
export interface ConsumerGrant {
  /** Name under `consumers`. */
  readonly consumer: string;
  readonly accountAlias: string;
  readonly accountId: string;
  /** RAM accepts shares automatically inside the organization; outside it the consumer accepts an invitation. */
  readonly inOrganization: boolean;
  readonly vpcId: string;
  readonly services: readonly string[];
}

/**
 * The access matrix of an environment, from `consumers` (validated: every account declared, every service a
 * private service enabled there). Sorted by consumer name so everything derived from it is stable.
 */
export function accessMatrix(environment: Environment): ConsumerGrant[] {
  return Object.entries(environment.consumers)
    .map(([consumer, entry]) => {
      const account = environment.accounts[entry.account];
      if (!account)
        throw new Error(
          `consumer "${consumer}" of environment "${environment.name}" is in undeclared account "${entry.account}"; load the configuration with loadConfig first`,
        );
      return {
        consumer,
        accountAlias: entry.account,
        accountId: account.id,
        inOrganization: account.inOrganization,
        vpcId: entry.vpc.id,
        services: [...entry.services].sort(),
      };
    })
    .sort((a, b) => a.consumer.localeCompare(b.consumer));
}

/** Consumers granted `service`. */
export function consumersOf(matrix: readonly ConsumerGrant[], service: string): ConsumerGrant[] {
  return matrix.filter((grant) => grant.services.includes(service));
}

/** Distinct account ids of the consumers inside (or outside) the organization, sorted. */
export function principalAccounts(matrix: readonly ConsumerGrant[], inOrganization: boolean): string[] {
  return [...new Set(matrix.filter((grant) => grant.inOrganization === inOrganization).map((grant) => grant.accountId))].sort();
}
