import type { LandingZoneConfig } from '../model';
import type { ConfigProblem } from '../problems';
import type { Environment } from '../schema/environment';
import type { ConfigRule } from './rule';

/**
 * The access matrix (`consumers.<name>.services`) against the services deployed in the environment: a consumer is
 * only granted private services enabled there, and every enabled private service has a consumer or a written
 * reason under `privateDomain.servicesWithoutConsumers`. Unknown and public services are reported by consumer-services.
 */
export const privateAccessMatrix: ConfigRule = {
  id: 'private-access-matrix',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => [
      ...grantsOfDisabledServices(config, file, environment),
      ...servicesWithoutConsumers(config, file, environment),
    ]),
};

/** Enabled services of the environment whose API is on the private domain. */
export function enabledPrivateServices(config: LandingZoneConfig, environment: Environment): string[] {
  return Object.entries(environment.services)
    .filter(([name, deployment]) => deployment.enabled && isPrivate(config, name))
    .map(([name]) => name);
}

function isPrivate(config: LandingZoneConfig, name: string): boolean {
  const visibility = config.services.get(name)?.definition.visibility;
  return visibility === 'private' || visibility === 'both';
}

function grantsOfDisabledServices(config: LandingZoneConfig, file: string, environment: Environment): ConfigProblem[] {
  const enabled = new Set(enabledPrivateServices(config, environment));
  return Object.entries(environment.consumers).flatMap(([consumer, { services }]) =>
    services.flatMap((name, index) =>
      isPrivate(config, name) && !enabled.has(name)
        ? [
            {
              file,
              path: ['consumers', consumer, 'services', index],
              message: `service "${name}" is not enabled in the ${environment.name} environment, so it has no private API to call`,
              fix: `enable it under services.${name}, or remove it from this consumer`,
            },
          ]
        : [],
    ),
  );
}

function servicesWithoutConsumers(config: LandingZoneConfig, file: string, environment: Environment): ConfigProblem[] {
  const enabled = enabledPrivateServices(config, environment);
  const consumersOf = (service: string) =>
    Object.entries(environment.consumers)
      .filter(([, consumer]) => consumer.services.includes(service))
      .map(([name]) => name);
  const reasons = environment.privateDomain.servicesWithoutConsumers;
  const unconsumed = enabled
    .filter((service) => consumersOf(service).length === 0 && reasons[service] === undefined)
    .map((service) => ({
      file,
      path: ['services', service],
      message: `private service "${service}" is granted to no consumer: nobody may call its private API`,
      fix: `add "${service}" to the services of a consumer under consumers, or write why under privateDomain.servicesWithoutConsumers.${service}`,
    }));
  const stale = Object.keys(reasons).flatMap((service) => {
    const path = ['privateDomain', 'servicesWithoutConsumers', service];
    if (!enabled.includes(service)) {
      return [
        {
          file,
          path,
          message: `"${service}" is not a private service enabled in this environment`,
          fix: `remove the entry, or use one of: ${enabled.join(', ') || '(none)'}`,
        },
      ];
    }
    const consumers = consumersOf(service);
    return consumers.length > 0
      ? [{ file, path, message: `"${service}" is granted to ${consumers.join(', ')}; the reason for having no consumer is stale`, fix: 'remove the entry' }]
      : [];
  });
  return [...unconsumed, ...stale];
}
