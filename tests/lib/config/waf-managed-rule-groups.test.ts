import { wafManagedRuleGroups } from '../../../lib/config/rules/waf-managed-rule-groups';
import { exampleConfig } from '../../support/example-config';
import { withEnvironment } from './security-rule-fixtures';

describe('waf-managed-rule-groups', () => {
  it('Compliance: the example configuration names only known groups', () => {
    expect(wafManagedRuleGroups.check(exampleConfig())).toEqual([]);
  });

  it('Noncompliance 1: a misspelt group in the edge web ACL settings, with a suggestion', () => {
    const config = withEnvironment('dev', (environment) => {
      environment.waf.managedRuleGroups.AWSManagedRulesCommonRuleset = environment.waf.managedRuleGroups.AWSManagedRulesCommonRuleSet;
      delete environment.waf.managedRuleGroups.AWSManagedRulesCommonRuleSet;
    });
    expect(wafManagedRuleGroups.check(config)).toEqual([
      {
        file: 'environments/dev.yaml',
        path: ['waf', 'managedRuleGroups', 'AWSManagedRulesCommonRuleset'],
        message: 'unknown AWS managed rule group "AWSManagedRulesCommonRuleset"; did you mean AWSManagedRulesCommonRuleSet?',
        fix: expect.stringMatching(/^use one of: AWSManagedRulesAmazonIpReputationList, /),
      },
    ]);
  });

  it('Noncompliance 2: an unknown group in the Firewall Manager baseline', () => {
    const config = withEnvironment('prod', (environment) =>
      environment.firewallManager!.waf.preProcessRuleGroups.push({ name: 'AWSManagedRulesLog4jRuleSet', countRules: [] }),
    );
    expect(wafManagedRuleGroups.check(config)).toEqual([
      expect.objectContaining({
        path: ['firewallManager', 'waf', 'preProcessRuleGroups', 4, 'name'],
        message: expect.stringContaining('unknown AWS managed rule group "AWSManagedRulesLog4jRuleSet"'),
      }),
    ]);
  });

  it('Noncompliance 3: settings for a known group the edge web ACL does not evaluate', () => {
    const config = withEnvironment(
      'dev',
      (environment) => (environment.waf.managedRuleGroups.AWSManagedRulesBotControlRuleSet = { mode: 'count', countRules: [], enforceRules: [] }),
    );
    expect(wafManagedRuleGroups.check(config)).toEqual([
      expect.objectContaining({
        message: 'managed rule group AWSManagedRulesBotControlRuleSet is not part of the edge web ACL',
        fix: expect.stringContaining('enable anonymousIpList or botControl'),
      }),
    ]);
  });

  it('Noncompliance 4: the same group twice in the Firewall Manager baseline', () => {
    const config = withEnvironment('dev', (environment) =>
      environment.firewallManager!.waf.preProcessRuleGroups.push({ name: 'AWSManagedRulesCommonRuleSet', countRules: [] }),
    );
    expect(wafManagedRuleGroups.check(config)).toEqual([
      expect.objectContaining({
        path: ['firewallManager', 'waf', 'preProcessRuleGroups', 3, 'name'],
        message: 'managed rule group AWSManagedRulesCommonRuleSet is listed twice',
      }),
    ]);
  });

  it('Noncompliance 4: enforceRules names a rule the gateway does not count by default', () => {
    const config = withEnvironment('dev', (environment) => {
      environment.waf.managedRuleGroups.AWSManagedRulesCommonRuleSet = {
        mode: 'block',
        countRules: [],
        enforceRules: ['NoUserAgent_HEADER', 'SizeRestrictions_Body'],
      };
    });
    expect(wafManagedRuleGroups.check(config)).toEqual([
      expect.objectContaining({
        path: ['waf', 'managedRuleGroups', 'AWSManagedRulesCommonRuleSet', 'enforceRules', 1],
        message: 'SizeRestrictions_Body is not one of the rules the gateway counts by default in AWSManagedRulesCommonRuleSet',
        fix: 'name one of SizeRestrictions_BODY, NoUserAgent_HEADER, or remove the entry',
      }),
    ]);
  });
});
