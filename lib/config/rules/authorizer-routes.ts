import { compileServiceRoutes } from '../views/authorizer-routes';
import type { ConfigProblem } from '../problems';
import type { ConfigRule } from './rule';

/**
 * The authorizer's route table compiles from every service's OpenAPI `security` requirements: checked here, at load,
 * with every other rule, so building the authorizer's bundle during synthesis never meets a malformed requirement.
 */
export const authorizerRoutes: ConfigRule = {
  id: 'authorizer-routes',
  check: (config) => {
    const problems: ConfigProblem[] = [];
    for (const service of config.services.values()) compileServiceRoutes(service.openApi, service.openApiFile, problems);
    return problems;
  },
};
