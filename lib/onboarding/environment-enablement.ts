import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EnvironmentFile, LandingZoneConfig } from '../config/model';
import { isVpcLinkBackend, type ServiceBackend } from '../config/schema/service-backend';
import type { BackendTarget } from './backend-target';
import type { FileChange } from './file-changes';
import { OnboardingError, optionProblem } from './onboarding-error';
import { applyYamlEdits, toFlowYaml, toYaml, type YamlEdit } from './yaml-text-edits';

/** Who may call a new private service, applied in every environment it is enabled in. */
export interface PrivateAccess {
  /** Internal consumers (keys of `consumers`) granted the service where they exist. */
  readonly consumers: readonly string[];
  /** Why no consumer calls it yet (`privateDomain.servicesWithoutConsumers`), when `consumers` is empty. */
  readonly reasonWithoutConsumers?: string;
}

export interface Enablement {
  readonly change: FileChange;
  /** What was decided on the team's behalf, for the command to print. */
  readonly notes: readonly string[];
}

/**
 * Enables a new service in one environment file, changing nothing else in it (see yaml-text-edits.ts):
 * `services.<name>.backend`, and for a private service its grants in `consumers.<c>.services` or the reason under
 * `privateDomain.servicesWithoutConsumers`. With a shared NLB every service needs its own listener port: when the
 * backend port is taken, the next free port above it is chosen and reported.
 */
export function enableInEnvironment(
  config: LandingZoneConfig,
  service: { name: string; port: number; private: boolean; tls: boolean; lambda?: boolean },
  target: BackendTarget,
  access: PrivateAccess,
): Enablement {
  const environment = findEnvironment(config, target.environment);
  const original = readFileSync(path.join(config.rootDir, environment.file), 'utf8');
  const notes: string[] = [];
  if (service.lambda) return enableLambdaBackend(environment, original, service, target, access, notes);

  const listenerPort = sharedListenerPort(config, environment, service.port);
  if (listenerPort)
    notes.push(
      `${environment.file}: port ${service.port} is taken on the shared NLB, so ${service.name} listens on ${listenerPort} (services.${service.name}.backend.listenerPort)`,
    );
  else notes.push(`${environment.file}: ${service.name} gets the NLB listener port ${service.port}`);
  const tlsServerName = service.tls ? serverNameUnderCertificate(environment, service.name) : undefined;
  if (tlsServerName)
    notes.push(
      `${environment.file}: ${service.name} is reached as ${tlsServerName}, a name of the TLS listener certificate (services.${service.name}.backend.tlsServerName)`,
    );
  const backend = {
    account: target.account,
    addresses: [...target.addresses],
    ...(tlsServerName ? { tlsServerName } : {}),
    ...(listenerPort ? { listenerPort } : {}),
  };
  const edits: YamlEdit[] = [{ kind: 'entry', mapPath: ['services'], key: service.name, value: { backend }, yaml: `backend: ${toFlowYaml(backend)}` }];
  return withGrants(environment, original, service, access, edits, notes);
}

/** A Lambda backend names only the account that owns the function: no addresses, listener or server name. */
function enableLambdaBackend(
  environment: EnvironmentFile,
  original: string,
  service: { name: string; private: boolean },
  target: BackendTarget,
  access: PrivateAccess,
  notes: string[],
): Enablement {
  if (target.addresses.length > 0) {
    throw new OnboardingError('Cannot read --backend; nothing was changed.', [
      optionProblem(
        '--backend',
        `${target.environment}=${target.account}:${target.addresses.join(',')} gives addresses, but ${service.name} has a Lambda backend (invoked by ARN, not over the network)`,
        `write --backend ${target.environment}=${target.account} (the account that owns the function)`,
      ),
    ]);
  }
  const backend = { account: target.account };
  const edits: YamlEdit[] = [{ kind: 'entry', mapPath: ['services'], key: service.name, value: { backend }, yaml: `backend: ${toFlowYaml(backend)}` }];
  return withGrants(environment, original, service, access, edits, notes);
}

/** A private service's grants (or the reason it has none), then the edits applied to the file. */
function withGrants(
  environment: EnvironmentFile,
  original: string,
  service: { name: string; private: boolean },
  access: PrivateAccess,
  edits: YamlEdit[],
  notes: string[],
): Enablement {
  if (service.private) {
    const granted = access.consumers.filter((consumer) => consumer in environment.config.consumers);
    for (const consumer of granted) edits.push({ kind: 'item', seqPath: ['consumers', consumer, 'services'], value: service.name, yaml: toYaml(service.name) });
    const missing = access.consumers.filter((consumer) => !granted.includes(consumer));
    if (missing.length > 0)
      notes.push(
        `${environment.file}: ${missing.join(', ')} ${missing.length === 1 ? 'is not a consumer' : 'are not consumers'} here, so not granted in ${environment.config.name}`,
      );
    // Every write says whom it granted: reviewers and the team see the access change in the command's output.
    if (granted.length > 0)
      notes.push(`${environment.file}: granted ${service.name} to ${granted.join(', ')} (consumers.<consumer>.services in ${environment.config.name})`);
    if (granted.length === 0 && access.reasonWithoutConsumers) {
      notes.push(`${environment.file}: granted ${service.name} to no consumer; the reason is recorded under privateDomain.servicesWithoutConsumers`);
      const reason = access.reasonWithoutConsumers;
      edits.push({ kind: 'entry', mapPath: ['privateDomain', 'servicesWithoutConsumers'], key: service.name, value: reason, yaml: toYaml(reason) });
    }
  }

  const { content, layoutKept } = applyYamlEdits(original, edits);
  if (!layoutKept) notes.push(`${environment.file}: its layout could not be kept, so the YAML writer re-formatted it; review the diff`);
  return { change: { file: environment.file, content, kind: 'modify' }, notes };
}

/**
 * `<service>.<domain>` under the first wildcard name of the listener certificate: the name API Gateway verifies for
 * a TLS backend. Without a wildcard name there is nothing to derive; validation then asks for tlsServerName.
 */
function serverNameUnderCertificate({ config: environment }: EnvironmentFile, service: string): string | undefined {
  const wildcard = environment.network.privateIntegrations.tlsCertificateNames?.find((name) => name.startsWith('*.'));
  return wildcard ? `${service}.${wildcard.slice(2)}` : undefined;
}

function findEnvironment(config: LandingZoneConfig, name: string): EnvironmentFile {
  const found = config.environments.find(({ config: environment }) => environment.name === name);
  if (!found) {
    throw new OnboardingError('Cannot read --backend; nothing was changed.', [
      optionProblem(
        '--backend',
        `environment "${name}" does not exist`,
        `use one of: ${config.environments.map(({ config: environment }) => environment.name).join(', ')}`,
      ),
    ]);
  }
  return found;
}

/** The listener port to set, or undefined when the backend port is free (or each service has its own NLB). */
function sharedListenerPort(config: LandingZoneConfig, { config: environment }: EnvironmentFile, backendPort: number): number | undefined {
  if (environment.network.privateIntegrations.nlbStrategy !== 'shared') return undefined;
  const used = new Set(
    Object.entries(environment.services)
      .filter(([, deployment]) => deployment.enabled && deployment.backend)
      .map(([name, deployment]) => deployment.backend?.listenerPort ?? vpcLinkPort(config.services.get(name)?.definition.backend)),
  );
  if (!used.has(backendPort)) return undefined;
  for (let port = backendPort + 1; port <= 65535; port++) if (!used.has(port)) return port;
  throw new OnboardingError('No listener port is free on the shared NLB; nothing was changed.', [
    optionProblem(
      '--port',
      `every port from ${backendPort} up is used on the shared NLB of ${environment.name}`,
      'choose a lower backend port, or switch the environment to nlbStrategy: per-service',
    ),
  ]);
}

/** The backend port of a VPC-link service; Lambda backends take no listener. */
function vpcLinkPort(backend: ServiceBackend | undefined): number | undefined {
  return backend && isVpcLinkBackend(backend) ? backend.port : undefined;
}
