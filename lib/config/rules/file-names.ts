import * as path from 'node:path';
import type { ConfigRule } from './rule';

/** `environments/prod.yaml` must say `name: prod`, and `services/payments/` must hold `name: payments`. */
export const fileNamesMatch: ConfigRule = {
  id: 'file-names-match',
  check: (config) => [
    ...config.environments
      .filter(({ file, config: environment }) => path.basename(file, '.yaml') !== environment.name)
      .map(({ file, config: environment }) => ({
        file,
        path: ['name'],
        message: `name "${environment.name}" differs from the file name`,
        fix: `rename the file to environments/${environment.name}.yaml or set name: ${path.basename(file, '.yaml')}`,
      })),
    ...[...config.services.entries()]
      .filter(([folder, service]) => folder !== service.definition.name)
      .map(([folder, service]) => ({
        file: service.file,
        path: ['name'],
        message: `name "${service.definition.name}" differs from the folder name "${folder}"`,
        fix: `rename the folder to services/${service.definition.name} or set name: ${folder}`,
      })),
  ],
};
