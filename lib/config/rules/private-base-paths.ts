import { PRIVATE_BASE_PATH } from '../schema/private-domain';
import type { ConfigRule } from './rule';

/**
 * Services on the private custom domain (visibility private or both) use a single-segment base path: API Gateway's
 * multi-level API mappings exist for Regional custom domains only, and a private domain's mappings are base path
 * mappings with domain_name_id (docs/decisions/0006-private-domain.md).
 */
export const privateBasePaths: ConfigRule = {
  id: 'private-base-paths',
  check: (config) =>
    [...config.services.values()].flatMap(({ file, definition }) =>
      (definition.visibility === 'private' || definition.visibility === 'both') && !PRIVATE_BASE_PATH.test(definition.basePath)
        ? [
            {
              file,
              path: ['basePath'],
              message: `basePath "${definition.basePath}" has ${definition.basePath.split('/').length} segments, but a ${definition.visibility} service is mapped on the private custom domain, which takes single-segment base paths only`,
              fix: `use one segment such as "${definition.basePath.split('/').join('-')}", or set visibility: public`,
            },
          ]
        : [],
    ),
};
