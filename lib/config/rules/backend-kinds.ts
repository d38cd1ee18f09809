import type { ConfigProblem } from '../problems';
import type { ConfigRule } from './rule';

/** Fields of `services.<name>.backend` that only a VPC link (NLB) backend uses. */
const NETWORK_FIELDS = ['addresses', 'listenerPort', 'tlsServerName'] as const;

/**
 * An environment's backend settings fit the service's backend kind (docs/decisions/0014-backend-kinds.md): a vpcLink
 * service needs the addresses its NLB targets; a lambda service names only the account that owns its function, since
 * addresses, listener ports and server names would configure a network path that does not exist.
 */
export const backendKinds: ConfigRule = {
  id: 'backend-kinds',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) =>
      Object.entries(environment.services).flatMap(([name, deployment]): ConfigProblem[] => {
        const service = config.services.get(name);
        const backend = deployment.backend;
        if (!service || !backend) return [];
        const path = ['services', name, 'backend'];
        if (service.definition.backend.kind === 'vpcLink') {
          return backend.addresses
            ? []
            : [
                {
                  file,
                  path,
                  message: `service "${name}" is reached through its VPC link (${service.file}: backend.kind vpcLink) but has no addresses for ${environment.name}`,
                  fix: `add services.${name}.backend.addresses: the IP addresses of the backend in account ${backend.account}'s spoke VPC`,
                },
              ];
        }
        return NETWORK_FIELDS.filter((field) => backend[field] !== undefined).map((field) => ({
          file,
          path: [...path, field],
          message: `service "${name}" has a Lambda backend (${service.file}: backend.kind lambda), which has no ${field}`,
          fix: `remove services.${name}.backend.${field}; a Lambda backend needs only the account that owns the function`,
        }));
      }),
    ),
};
