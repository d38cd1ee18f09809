import { firewallManagerScope } from '../../../lib/config/rules/firewall-manager-scope';
import { exampleConfig } from '../../support/example-config';
import { withEnvironment } from './security-rule-fixtures';

describe('firewall-manager-scope', () => {
  it('Compliance: every enabled policy of the example has a declared, non-empty scope', () => {
    expect(firewallManagerScope.check(exampleConfig())).toEqual([]);
  });

  it('Noncompliance 1: an include that lists nothing', () => {
    const config = withEnvironment('dev', (environment) => (environment.firewallManager!.scope = { include: { organizationalUnits: [], accounts: [] } }));
    expect(firewallManagerScope.check(config)).toEqual([
      {
        file: 'environments/dev.yaml',
        path: ['firewallManager', 'scope', 'include'],
        message: 'include lists no organizational unit or account: the policy would apply to nothing',
        fix: expect.stringContaining('organization.organizationalUnits'),
      },
    ]);
  });

  it('Noncompliance 2: a scope with neither include nor exclude, reported once for all policies sharing it', () => {
    const config = withEnvironment('dev', (environment) => (environment.firewallManager!.scope = {}));
    expect(firewallManagerScope.check(config)).toEqual([
      expect.objectContaining({ path: ['firewallManager', 'scope'], message: 'scope is empty: the policy would apply to nothing' }),
    ]);
  });

  it('Noncompliance 3: include and exclude together', () => {
    const config = withEnvironment('prod', (environment) => (environment.firewallManager!.scope.exclude = { organizationalUnits: [], accounts: ['payments'] }));
    expect(firewallManagerScope.check(config)).toEqual([
      expect.objectContaining({
        path: ['firewallManager', 'scope'],
        message: 'scope has both include and exclude; Firewall Manager ignores exclude when include is set',
      }),
    ]);
  });

  it('Noncompliance 4: an exclude that lists nothing would cover the whole organization', () => {
    const config = withEnvironment(
      'prod',
      (environment) => (environment.firewallManager!.securityGroupAudit.scope = { exclude: { organizationalUnits: [], accounts: [] } }),
    );
    expect(firewallManagerScope.check(config)).toEqual([
      expect.objectContaining({
        path: ['firewallManager', 'securityGroupAudit', 'scope', 'exclude'],
        message: expect.stringContaining('every account of the organization'),
      }),
    ]);
  });

  it('Noncompliance 5: an undeclared organizational unit and an undeclared account', () => {
    const config = withEnvironment(
      'prod',
      (environment) => (environment.firewallManager!.scope = { include: { organizationalUnits: ['workload'], accounts: ['cards'] } }),
    );
    expect(firewallManagerScope.check(config)).toEqual([
      expect.objectContaining({
        path: ['firewallManager', 'scope', 'include', 'organizationalUnits', 0],
        message: 'organizational unit "workload" is not declared',
        fix: expect.stringContaining('workloads-prod'),
      }),
      expect.objectContaining({ path: ['firewallManager', 'scope', 'include', 'accounts', 0], message: 'account "cards" is not declared' }),
    ]);
  });

  it('ignores the scope of a disabled policy', () => {
    const config = withEnvironment('dev', (environment) => (environment.firewallManager!.shieldAdvanced.scope = {}));
    expect(firewallManagerScope.check(config)).toEqual([]);
  });
});
