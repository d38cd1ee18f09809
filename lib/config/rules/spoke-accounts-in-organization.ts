import type { ConfigRule } from './rule';

/** The Transit Gateway is shared without external principals, so only accounts of the organization can attach. */
export const spokeAccountsInOrganization: ConfigRule = {
  id: 'spoke-accounts-in-organization',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) =>
      environment.network.spokes.flatMap((spoke, index) =>
        environment.accounts[spoke.account]?.inOrganization === false
          ? [
              {
                file,
                path: ['network', 'spokes', index, 'account'],
                message: `account "${spoke.account}" is outside the organization; the Transit Gateway is never shared with external principals`,
                fix: 'move the account into the organization, or reach it through a private API consumer instead of a spoke',
              },
            ]
          : [],
      ),
    ),
};
