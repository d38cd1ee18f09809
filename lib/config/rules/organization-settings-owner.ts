import type { ConfigRule } from './rule';

/** RAM sharing with the organization is one switch per organization: two environments owning it would fight. */
export const organizationSettingsOwner: ConfigRule = {
  id: 'organization-settings-owner',
  check: (config) => {
    const owners = config.environments.filter(({ config: environment }) => environment.organization?.enableRamSharingHere);
    return owners.slice(1).map(({ file }) => ({
      file,
      path: ['organization', 'enableRamSharingHere'],
      message: `RAM sharing with the organization is already enabled by ${owners[0].file}`,
      fix: 'set enableRamSharingHere: true in exactly one environment (prod in the example)',
    }));
  },
};
