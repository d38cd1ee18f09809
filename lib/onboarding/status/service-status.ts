import type { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import type { RAMClient } from '@aws-sdk/client-ram';
import type { LandingZoneConfig } from '../../config/model';
import type { Environment } from '../../config/schema/environment';
import type { RetryOptions } from '../../ram/retry';
import type { ShareSummary } from '../../ram/share';
import { isAssociated, listShareAssociations, type ShareAssociation } from '../../ram/share-associations';
import { OnboardingError, optionProblem } from '../onboarding-error';
import { listDomainAccessAssociations, type DomainAccessAssociation } from './domain-access-associations';
import { findShareByName } from './find-shares';
import { privateDomainShareNames } from './share-names';

export type ShareKind = 'organization' | 'external';

export interface ShareState {
  readonly kind: ShareKind;
  readonly name: string;
  /** Undefined when no share of that name exists (not deployed yet, or no consumer needs it). */
  readonly share?: ShareSummary;
  /** Whether the private domain is a resource of the share (ASSOCIATED). */
  readonly domainShared: boolean;
}

/** One consumer granted the service: is its account a principal of the share, and is its endpoint associated? */
export interface ConsumerState {
  readonly consumer: string;
  readonly accountId: string;
  readonly share: ShareKind;
  /** The account's principal association, when RAM has one. */
  readonly principal?: ShareAssociation;
  /** Endpoints of the account associated with the domain. */
  readonly accessAssociations: readonly DomainAccessAssociation[];
  /** What is missing, in words; empty when the consumer can call the service. */
  readonly missing: readonly string[];
}

export interface ServiceStatus {
  readonly environment: string;
  readonly service: string;
  readonly visibility: string;
  /** `domains.private`; undefined for a public service. */
  readonly domain?: string;
  readonly shares: readonly ShareState[];
  readonly consumers: readonly ConsumerState[];
  /** Principals on the shares that no consumer of the environment accounts for (the share auditor flags them too). */
  readonly unexpectedPrincipals: readonly (ShareAssociation & { readonly share: ShareKind })[];
  /** True when every consumer granted the service can reach it and nothing unexpected is shared. */
  readonly complete: boolean;
  /** Why nothing was looked up, for a public service. */
  readonly notApplicable?: string;
}

export interface StatusClients {
  readonly ram: RAMClient;
  readonly apiGateway: APIGatewayClient;
  /** RAM retry tuning (tests shorten the waits). @default - lib/ram's DEFAULT_RETRY */
  readonly retry?: RetryOptions;
}

/**
 * The live state of a service's private access in one environment: the RAM shares of the private custom domain
 * (state, domain resource, principal associations with pagination and retries through lib/ram) and the domain-name
 * access associations consumers made, compared with the consumers the configuration grants the service.
 */
export async function serviceStatus(config: LandingZoneConfig, environmentName: string, serviceName: string, clients: StatusClients): Promise<ServiceStatus> {
  const environment = resolveEnvironment(config, environmentName);
  const service = config.services.get(serviceName);
  if (!service || environment.services[serviceName]?.enabled !== true) {
    const enabled = Object.entries(environment.services)
      .filter(([, deployment]) => deployment.enabled)
      .map(([name]) => name);
    throw new OnboardingError(`No status for "${serviceName}" in ${environmentName}.`, [
      optionProblem(
        '--service',
        service ? `"${serviceName}" is not enabled in ${environmentName}` : `service "${serviceName}" does not exist`,
        `use one of: ${enabled.join(', ') || '(none enabled)'}`,
      ),
    ]);
  }
  const visibility = service.definition.visibility;
  const base = { environment: environmentName, service: serviceName, visibility };
  if (visibility === 'public') {
    return {
      ...base,
      shares: [],
      consumers: [],
      unexpectedPrincipals: [],
      complete: true,
      notApplicable: 'public service: it is not on the private custom domain, so no RAM share or domain access association applies',
    };
  }

  const domain = environment.domains.private;
  const names = privateDomainShareNames(environmentName);
  const shares: ShareState[] = [];
  const principals: (ShareAssociation & { share: ShareKind })[] = [];
  for (const kind of ['organization', 'external'] as const) {
    const share = await findShareByName(clients.ram, names[kind], clients.retry);
    if (!share) {
      shares.push({ kind, name: names[kind], domainShared: false });
      continue;
    }
    const associations = await listShareAssociations(clients.ram, share.shareArn, clients.retry);
    shares.push({
      kind,
      name: names[kind],
      share,
      domainShared: associations.resources.some((resource) => isAssociated(resource) && resource.entity.includes(`/domainnames/${domain}+`)),
    });
    principals.push(...associations.principals.map((principal) => ({ ...principal, share: kind })));
  }
  const accessAssociations = await listDomainAccessAssociations(clients.apiGateway, domain);

  const consumers = Object.entries(environment.consumers)
    .filter(([, consumer]) => consumer.services.includes(serviceName))
    .map(([name, consumer]): ConsumerState => {
      const account = environment.accounts[consumer.account];
      const kind: ShareKind = account.inOrganization ? 'organization' : 'external';
      const principal = principals.find((candidate) => candidate.share === kind && candidate.entity === account.id);
      const associations = accessAssociations.filter((association) => association.accountId === account.id);
      const shareState = shares.find((state) => state.kind === kind);
      const missing = [
        ...(!shareState?.share ? [`share ${names[kind]} does not exist (deploy ${environmentName}-gateway)`] : []),
        ...(shareState?.share && !shareState.domainShared ? [`the private domain is not a resource of ${names[kind]}`] : []),
        ...(shareState?.share && !principal ? [`account ${account.id} is not a principal of ${names[kind]}`] : []),
        ...(principal && !isAssociated(principal)
          ? [`principal association is ${principal.status}${principal.statusMessage ? ` (${principal.statusMessage})` : ''}`]
          : []),
        ...(associations.length === 0 ? [`no domain access association from account ${account.id} (deploy ${environmentName}-spoke-${account.id})`] : []),
      ];
      return { consumer: name, accountId: account.id, share: kind, principal, accessAssociations: associations, missing };
    });

  const expected = new Set(Object.values(environment.consumers).map((consumer) => environment.accounts[consumer.account]?.id));
  const unexpectedPrincipals = principals.filter((principal) => !expected.has(principal.entity));
  return {
    ...base,
    domain,
    shares,
    consumers,
    unexpectedPrincipals,
    complete: consumers.every((consumer) => consumer.missing.length === 0) && unexpectedPrincipals.length === 0,
  };
}

function resolveEnvironment(config: LandingZoneConfig, name: string): Environment {
  const found = config.environments.find(({ config: environment }) => environment.name === name);
  if (!found) {
    throw new OnboardingError(`No status for environment "${name}".`, [
      optionProblem(
        '--env',
        `environment "${name}" does not exist`,
        `use one of: ${config.environments.map(({ config: environment }) => environment.name).join(', ')}`,
      ),
    ]);
  }
  return found.config;
}
