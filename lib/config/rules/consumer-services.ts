import type { ConfigRule } from './rule';

/** A consumer may only be granted services that exist and are reachable on the private domain. */
export const consumerServices: ConfigRule = {
  id: 'consumer-services',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) =>
      Object.entries(environment.consumers).flatMap(([consumer, { services }]) =>
        services.flatMap((name, index) => {
          const service = config.services.get(name);
          const path = ['consumers', consumer, 'services', index];
          if (!service) {
            return [{ file, path, message: `service "${name}" does not exist`, fix: `use one of: ${[...config.services.keys()].join(', ')}` }];
          }
          if (service.definition.visibility === 'public') {
            return [
              {
                file,
                path,
                message: `service "${name}" is public and has no private endpoint`,
                fix: `remove it here, or set visibility: both in ${service.file}`,
              },
            ];
          }
          return [];
        }),
      ),
    ),
};
