import type { ConfigRule } from './rule';
import type { ConfigProblem } from '../problems';
import type { Service } from '../schema/service';

/** Two services enabled in one environment cannot claim the same base path on the same custom domain. */
export const uniqueBasePaths: ConfigRule = {
  id: 'unique-base-paths',
  check: (config) =>
    config.environments.flatMap(({ config: environment }) => {
      const owners = new Map<string, string>();
      const problems: ConfigProblem[] = [];
      for (const [name, deployment] of Object.entries(environment.services)) {
        const service = config.services.get(name);
        if (!deployment.enabled || !service) continue;
        for (const domain of domainsOf(service.definition.visibility, environment.domains)) {
          const key = `${domain}/${service.definition.basePath}`;
          const owner = owners.get(key);
          if (owner === undefined) {
            owners.set(key, name);
            continue;
          }
          problems.push({
            file: service.file,
            path: ['basePath'],
            message: `base path "${service.definition.basePath}" on ${domain} is already used by service "${owner}" in environment ${environment.name}`,
            fix: 'choose a base path no other service uses, e.g. add a version or the service name',
          });
        }
      }
      return problems;
    }),
};

function domainsOf(visibility: Service['visibility'], domains: { public: string; private: string }): string[] {
  if (visibility === 'public') return [domains.public];
  if (visibility === 'private') return [domains.private];
  return [domains.public, domains.private];
}
