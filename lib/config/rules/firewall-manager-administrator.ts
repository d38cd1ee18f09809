import type { EnvironmentFile } from '../model';
import type { ConfigProblem } from '../problems';
import type { ConfigRule } from './rule';

/**
 * Firewall Manager has one administrator per organization, delegated from the management account.
 * An environment with Firewall Manager policies names that administrator under `organization`; it is the
 * security account its policies are created in; every environment of the organization agrees on it; and
 * exactly one of them owns the delegation (two states owning one singleton would undo each other).
 */
export const firewallManagerAdministrator: ConfigRule = {
  id: 'firewall-manager-administrator',
  check: (config) => [
    ...config.environments.flatMap(declaredAdministrator),
    ...[...byManagementAccount(config.environments).values()].flatMap(oneDelegationPerOrganization),
  ],
};

function declaredAdministrator({ file, config: environment }: EnvironmentFile): ConfigProblem[] {
  const administrator = environment.organization?.firewallManagerAdministrator;
  if (!administrator) {
    if (!environment.firewallManager) return [];
    return [
      {
        file,
        path: environment.organization ? ['organization'] : ['firewallManager'],
        message: 'Firewall Manager policies are configured but the organization section declares no Firewall Manager administrator',
        fix: `add organization.firewallManagerAdministrator.account: ${environment.roles.security} (the security account the policies are created in)`,
      },
    ];
  }
  const path = ['organization', 'firewallManagerAdministrator', 'account'];
  const account = environment.accounts[administrator.account];
  if (!account) {
    return [
      {
        file,
        path,
        message: `account "${administrator.account}" is not declared`,
        fix: `declare it under accounts or use one of: ${Object.keys(environment.accounts).join(', ')}`,
      },
    ];
  }
  const security = environment.accounts[environment.roles.security];
  if (security && security.id !== account.id) {
    return [
      {
        file,
        path,
        message: `the Firewall Manager administrator ${account.id} is not the security account ${security.id} (roles.security) that creates the policies`,
        fix: `set it to ${environment.roles.security}, or point roles.security at the administrator account`,
      },
    ];
  }
  return [];
}

function byManagementAccount(environments: readonly EnvironmentFile[]): Map<string, EnvironmentFile[]> {
  const groups = new Map<string, EnvironmentFile[]>();
  for (const environment of environments) {
    const management = environment.config.accounts[environment.config.roles.management]?.id;
    if (!management || !environment.config.organization?.firewallManagerAdministrator) continue;
    groups.set(management, [...(groups.get(management) ?? []), environment]);
  }
  return groups;
}

function oneDelegationPerOrganization(environments: EnvironmentFile[]): ConfigProblem[] {
  const administratorId = (environment: EnvironmentFile) =>
    environment.config.accounts[environment.config.organization!.firewallManagerAdministrator!.account]?.id;
  const [first] = environments;
  const disagreeing = environments
    .filter((environment) => administratorId(environment) !== undefined && administratorId(environment) !== administratorId(first))
    .map((environment) => ({
      file: environment.file,
      path: ['organization', 'firewallManagerAdministrator', 'account'],
      message: `names ${administratorId(environment)} as Firewall Manager administrator, but ${first.file} names ${administratorId(first)} for the same organization`,
      fix: 'an organization has one Firewall Manager administrator: use the same account in every environment',
    }));
  const delegating = environments.filter((environment) => environment.config.organization!.firewallManagerAdministrator!.delegatedHere);
  const path = ['organization', 'firewallManagerAdministrator', 'delegatedHere'];
  if (delegating.length === 0) {
    const owner = environments.find((environment) => environment.config.name === 'prod') ?? first;
    return [
      ...disagreeing,
      {
        file: owner.file,
        path,
        message: `no environment delegates the Firewall Manager administrator (${environments.map((environment) => environment.file).join(', ')} share one organization)`,
        fix: 'set delegatedHere: true in exactly one environment, usually prod; its org stack creates aws_fms_admin_account',
      },
    ];
  }
  return [
    ...disagreeing,
    ...delegating.slice(1).map((environment) => ({
      file: environment.file,
      path,
      message: `${delegating[0].file} already delegates the Firewall Manager administrator of this organization`,
      fix: 'set delegatedHere: false here: two stacks owning the one delegation would undo each other on destroy',
    })),
  ];
}
