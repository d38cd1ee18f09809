import { accountIdOf } from '../model';
import type { Environment } from '../schema/environment';
import type { PolicyScopeSettings } from '../schema/security';

/** Accounts and organizational units by id, as an aws_fms_policy include_map / exclude_map takes them. */
export interface FmsScopeMap {
  readonly account?: string[];
  readonly orgunit?: string[];
}

/** include_map / exclude_map of an aws_fms_policy, with account and OU aliases resolved to ids. */
export interface FmsScopeMaps {
  readonly includeMap?: FmsScopeMap;
  readonly excludeMap?: FmsScopeMap;
}

/**
 * Resolves a configured scope. The configuration rule firewall-manager-scope has already rejected empty,
 * double and unknown scopes; this throws only if called on an unvalidated environment.
 */
export function fmsScopeMaps(environment: Environment, scope: PolicyScopeSettings): FmsScopeMaps {
  const units = environment.organization?.organizationalUnits ?? {};
  const resolve = (map: NonNullable<PolicyScopeSettings['include']>) => {
    const orgunit = map.organizationalUnits.map((alias) => {
      const ouId = units[alias];
      if (!ouId) throw new Error(`organizational unit "${alias}" is not declared in environment "${environment.name}"; call loadConfig first`);
      return ouId;
    });
    const account = map.accounts.map((alias) => accountIdOf(environment, alias));
    return { ...(account.length > 0 ? { account } : {}), ...(orgunit.length > 0 ? { orgunit } : {}) };
  };
  if (scope.include) return { includeMap: resolve(scope.include) };
  if (scope.exclude) return { excludeMap: resolve(scope.exclude) };
  throw new Error(`empty Firewall Manager scope in environment "${environment.name}"; call loadConfig first`);
}
