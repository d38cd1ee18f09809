import type { ConfigRule } from './rule';

/** Every service an environment names exists in services/, and every enabled one has its backend settings. */
export const serviceDeployments: ConfigRule = {
  id: 'service-deployments',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) =>
      Object.entries(environment.services).flatMap(([name, deployment]) => {
        if (!config.services.has(name)) {
          return [
            {
              file,
              path: ['services', name],
              message: `service "${name}" does not exist`,
              fix: `create services/${name}/service.yaml (npm run onboard -- new) or use one of: ${[...config.services.keys()].join(', ')}`,
            },
          ];
        }
        if (deployment.enabled && !deployment.backend) {
          return [
            {
              file,
              path: ['services', name],
              message: `service "${name}" is enabled but has no backend for ${environment.name}`,
              fix: `add services.${name}.backend with account and addresses, or set enabled: false`,
            },
          ];
        }
        return [];
      }),
    ),
};
