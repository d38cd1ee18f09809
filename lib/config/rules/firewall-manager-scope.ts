import type { ConfigProblem } from '../problems';
import type { Environment } from '../schema/environment';
import type { PolicyScopeSettings } from '../schema/security';
import type { ConfigRule } from './rule';

const POLICIES = ['waf', 'shieldAdvanced', 'securityGroupAudit'] as const;

/**
 * Every enabled Firewall Manager policy has a scope that names something: include or exclude (Firewall
 * Manager ignores exclude when include is set, so both is a mistake), never empty, and only organizational
 * units and accounts the file declares.
 */
export const firewallManagerScope: ConfigRule = {
  id: 'firewall-manager-scope',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => {
      const firewallManager = environment.firewallManager;
      if (!firewallManager) return [];
      const scopes = new Map<string, { scope: PolicyScopeSettings; path: PropertyKey[] }>();
      for (const policy of POLICIES) {
        const settings = firewallManager[policy];
        if (!settings.enabled) continue;
        const own = settings.scope;
        const path = own ? ['firewallManager', policy, 'scope'] : ['firewallManager', 'scope'];
        // The default scope is checked once however many policies use it.
        scopes.set(path.join('.'), { scope: own ?? firewallManager.scope, path });
      }
      return [...scopes.values()].flatMap(({ scope, path }) => checkScope(file, environment, scope, path));
    }),
};

function checkScope(file: string, environment: Environment, scope: PolicyScopeSettings, path: PropertyKey[]): ConfigProblem[] {
  if (scope.include && scope.exclude) {
    return [
      {
        file,
        path,
        message: 'scope has both include and exclude; Firewall Manager ignores exclude when include is set',
        fix: 'keep include (only these) or exclude (everything but these), not both',
      },
    ];
  }
  const mode = scope.include ? 'include' : scope.exclude ? 'exclude' : undefined;
  if (!mode) {
    return [
      {
        file,
        path,
        message: 'scope is empty: the policy would apply to nothing',
        fix: 'add include with organizationalUnits or accounts (or exclude to cover every other account)',
      },
    ];
  }
  const map = scope[mode]!;
  if (map.organizationalUnits.length === 0 && map.accounts.length === 0) {
    return [
      {
        file,
        path: [...path, mode],
        message:
          mode === 'include'
            ? 'include lists no organizational unit or account: the policy would apply to nothing'
            : 'exclude lists nothing: the policy would silently cover every account of the organization',
        fix: `list organizationalUnits (aliases under organization.organizationalUnits) or accounts (aliases under accounts) under ${mode}`,
      },
    ];
  }
  const units = environment.organization?.organizationalUnits ?? {};
  return [
    ...map.organizationalUnits.flatMap((alias, index) =>
      alias in units
        ? []
        : [
            {
              file,
              path: [...path, mode, 'organizationalUnits', index],
              message: `organizational unit "${alias}" is not declared`,
              fix: `declare it under organization.organizationalUnits (${alias}: ou-xxxx-xxxxxxxx)${Object.keys(units).length ? ` or use one of: ${Object.keys(units).join(', ')}` : ''}`,
            },
          ],
    ),
    ...map.accounts.flatMap((alias, index) =>
      alias in environment.accounts
        ? []
        : [
            {
              file,
              path: [...path, mode, 'accounts', index],
              message: `account "${alias}" is not declared`,
              fix: `declare it under accounts or use one of: ${Object.keys(environment.accounts).join(', ')}`,
            },
          ],
    ),
  ];
}
