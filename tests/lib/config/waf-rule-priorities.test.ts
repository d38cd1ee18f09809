import { wafRulePriorities } from '../../../lib/config/rules/waf-rule-priorities';
import { edgeRulePlan } from '../../../lib/config/views/edge-rule-plan';
import { exampleConfig, exampleEnvironment } from '../../support/example-config';
import { withEnvironment } from './security-rule-fixtures';

const PROD = 'environments/prod.yaml';
const customRule = (name: string, priority: number) => ({ name, priority, action: 'block' as const, match: { pathPrefix: '/internal/' } });

describe('waf-rule-priorities', () => {
  it('Compliance: the example environments have unique priorities and names', () => {
    expect(wafRulePriorities.check(exampleConfig())).toEqual([]);
  });

  it('Noncompliance 1: a custom rule takes the priority of a built-in rule', () => {
    const config = withEnvironment('prod', (environment) => environment.waf.customRules.push(customRule('late-block', 20)));
    expect(wafRulePriorities.check(config)).toEqual([
      expect.objectContaining({
        file: PROD,
        path: ['waf', 'customRules', 1, 'priority'],
        message: 'priority 20 is already used by AWSManagedRulesCommonRuleSet',
        fix: expect.stringContaining('taken by built-in rules: 10 (AWSManagedRulesAmazonIpReputationList), 20 (AWSManagedRulesCommonRuleSet)'),
      }),
    ]);
  });

  it('Noncompliance 2: two custom rules share a priority; the second one is reported', () => {
    const config = withEnvironment('prod', (environment) => environment.waf.customRules.push(customRule('second', 300)));
    expect(wafRulePriorities.check(config)).toEqual([
      expect.objectContaining({ path: ['waf', 'customRules', 1, 'priority'], message: 'priority 300 is already used by Custom-block-legacy-api' }),
    ]);
  });

  it('Noncompliance 3: two custom rules share a name', () => {
    const config = withEnvironment('prod', (environment) => environment.waf.customRules.push(customRule('block-legacy-api', 310)));
    expect(wafRulePriorities.check(config)).toEqual([
      expect.objectContaining({ path: ['waf', 'customRules', 1, 'name'], message: 'rule name "block-legacy-api" is used twice' }),
    ]);
  });

  it('Noncompliance 4: a custom rule collides with a path rate limit, whose priority follows the list order', () => {
    const config = withEnvironment('prod', (environment) => environment.waf.customRules.push(customRule('token-guard', 102)));
    expect(wafRulePriorities.check(config)).toEqual([expect.objectContaining({ message: 'priority 102 is already used by RateLimit-payments-write' })]);
  });

  it('places built-in rules in the documented order', () => {
    expect(edgeRulePlan(exampleEnvironment('prod').waf).map((rule) => `${rule.priority}:${rule.name}`)).toEqual([
      '10:AWSManagedRulesAmazonIpReputationList',
      '20:AWSManagedRulesCommonRuleSet',
      '30:AWSManagedRulesKnownBadInputsRuleSet',
      '40:AWSManagedRulesSQLiRuleSet',
      '50:AWSManagedRulesAnonymousIpList',
      '60:AWSManagedRulesBotControlRuleSet',
      '100:RateLimitPerIp',
      '101:RateLimit-token',
      '102:RateLimit-payments-write',
      '200:GeoBlock',
      '300:Custom-block-legacy-api',
    ]);
  });
});
