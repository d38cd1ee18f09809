import { firewallManagerAdministrator } from '../../../lib/config/rules/firewall-manager-administrator';
import { exampleConfig } from '../../support/example-config';
import { withEnvironment, withEnvironments } from './security-rule-fixtures';

describe('firewall-manager-administrator', () => {
  it('Compliance: every environment names the security account and only prod delegates it', () => {
    expect(firewallManagerAdministrator.check(exampleConfig())).toEqual([]);
  });

  it('Noncompliance 1: policies without an administrator in the organization section', () => {
    const config = withEnvironment('dev', (environment) => delete environment.organization!.firewallManagerAdministrator);
    expect(firewallManagerAdministrator.check(config)).toEqual([
      {
        file: 'environments/dev.yaml',
        path: ['organization'],
        message: 'Firewall Manager policies are configured but the organization section declares no Firewall Manager administrator',
        fix: 'add organization.firewallManagerAdministrator.account: security (the security account the policies are created in)',
      },
    ]);
  });

  it('Noncompliance 2: policies without any organization section', () => {
    const config = withEnvironment('dev', (environment) => delete environment.organization);
    expect(firewallManagerAdministrator.check(config)).toEqual([expect.objectContaining({ path: ['firewallManager'] })]);
  });

  it('Noncompliance 3: an administrator alias that is not declared', () => {
    const config = withEnvironment('staging', (environment) => (environment.organization!.firewallManagerAdministrator!.account = 'secops'));
    expect(firewallManagerAdministrator.check(config)).toEqual([
      expect.objectContaining({
        file: 'environments/staging.yaml',
        path: ['organization', 'firewallManagerAdministrator', 'account'],
        message: 'account "secops" is not declared',
      }),
    ]);
  });

  it('Noncompliance 4: an administrator that is not the security account the policies are created in', () => {
    const config = withEnvironment('staging', (environment) => (environment.organization!.firewallManagerAdministrator!.account = 'management'));
    const problems = firewallManagerAdministrator.check(config);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'environments/staging.yaml', message: expect.stringContaining('is not the security account 222233334444') }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'environments/staging.yaml',
        message: expect.stringContaining('names 111122223333 as Firewall Manager administrator, but'),
      }),
    );
  });

  it('Noncompliance 5: two environments of one organization both delegate the administrator', () => {
    const config = withEnvironment('staging', (environment) => (environment.organization!.firewallManagerAdministrator!.delegatedHere = true));
    expect(firewallManagerAdministrator.check(config)).toEqual([
      expect.objectContaining({
        file: 'environments/staging.yaml',
        path: ['organization', 'firewallManagerAdministrator', 'delegatedHere'],
        message: 'environments/prod.yaml already delegates the Firewall Manager administrator of this organization',
      }),
    ]);
  });

  it('Noncompliance 6: no environment delegates the administrator', () => {
    const config = withEnvironments({ prod: (environment) => (environment.organization!.firewallManagerAdministrator!.delegatedHere = false) });
    expect(firewallManagerAdministrator.check(config)).toEqual([
      expect.objectContaining({
        file: 'environments/prod.yaml',
        message: expect.stringMatching(/^no environment delegates the Firewall Manager administrator/),
      }),
    ]);
  });
});
