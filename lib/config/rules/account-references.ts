import type { Environment } from '../schema/environment';
import type { ConfigProblem } from '../problems';
import type { ConfigRule } from './rule';

/** Every account alias used anywhere in an environment is declared under `accounts`, and no id is declared twice. */
export const accountReferences: ConfigRule = {
  id: 'account-references',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => [
      ...references(environment)
        .filter(({ alias }) => !(alias in environment.accounts))
        .map(({ alias, path }) => ({
          file,
          path,
          message: `account "${alias}" is not declared`,
          fix: `declare it under accounts (accounts.${alias}.id: "<12-digit id>") or use one of: ${Object.keys(environment.accounts).join(', ')}`,
        })),
      ...duplicateIds(file, environment),
    ]),
};

function references(environment: Environment): { alias: string; path: PropertyKey[] }[] {
  return [
    ...Object.entries(environment.roles).map(([role, alias]) => ({ alias, path: ['roles', role] })),
    ...environment.network.spokes.map((spoke, index) => ({ alias: spoke.account, path: ['network', 'spokes', index, 'account'] })),
    ...Object.entries(environment.consumers).map(([name, consumer]) => ({ alias: consumer.account, path: ['consumers', name, 'account'] })),
    ...Object.entries(environment.services).flatMap(([name, deployment]) =>
      deployment.backend ? [{ alias: deployment.backend.account, path: ['services', name, 'backend', 'account'] }] : [],
    ),
  ];
}

function duplicateIds(file: string, environment: Environment): ConfigProblem[] {
  const firstAliasById = new Map<string, string>();
  return Object.entries(environment.accounts).flatMap(([alias, account]) => {
    const first = firstAliasById.get(account.id);
    if (first === undefined) {
      firstAliasById.set(account.id, alias);
      return [];
    }
    return [
      {
        file,
        path: ['accounts', alias, 'id'],
        message: `account id ${account.id} is already declared as "${first}"`,
        fix: `reference "${first}" instead of declaring the account twice`,
      },
    ];
  });
}
