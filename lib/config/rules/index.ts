import { accountReferences } from './account-references';
import { cidrsDoNotOverlap } from './cidr-overlap';
import { consumerServices } from './consumer-services';
import { fileNamesMatch } from './file-names';
import type { ConfigRule } from './rule';
import { serviceDeployments } from './service-deployments';
import { uniqueBasePaths } from './unique-base-paths';

/** Cross-file rules, run after every file passed its schema. */
export const CONFIG_RULES: readonly ConfigRule[] = [
  fileNamesMatch,
  accountReferences,
  cidrsDoNotOverlap,
  serviceDeployments,
  uniqueBasePaths,
  consumerServices,
];
