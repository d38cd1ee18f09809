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
    const config = withEnvironment('prod', (environment) => environment.waf.customRules.push(customRule('late-block', 60)));
    expect(wafRulePriorities.check(config)).toEqual([
      expect.objectContaining({
        file: PROD,
        path: ['waf', 'customRules', 1, 'priority'],
        message: 'priority 60 is already used by AWSManagedRulesCommonRuleSet',
        fix: expect.stringContaining(
          'taken by built-in rules: 5 (GeoBlock), 10 (RateLimitPerIp), 11 (RateLimit-token), 12 (RateLimit-payments-write), 40 (AWSManagedRulesAmazonIpReputationList)',
        ),
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
    const config = withEnvironment('prod', (environment) => environment.waf.customRules.push(customRule('token-guard', 12)));
    expect(wafRulePriorities.check(config)).toEqual([expect.objectContaining({ message: 'priority 12 is already used by RateLimit-payments-write' })]);
  });

  it('places built-in rules cheapest first: geo and rate limits before the managed groups, Bot Control last (issue 16)', () => {
    expect(edgeRulePlan(exampleEnvironment('prod').waf).map((rule) => `${rule.priority}:${rule.name}`)).toEqual([
      '5:GeoBlock',
      '10:RateLimitPerIp',
      '11:RateLimit-token',
      '12:RateLimit-payments-write',
      '40:AWSManagedRulesAmazonIpReputationList',
      '50:AWSManagedRulesAnonymousIpList',
      '60:AWSManagedRulesCommonRuleSet',
      '70:AWSManagedRulesKnownBadInputsRuleSet',
      '80:AWSManagedRulesSQLiRuleSet',
      '90:AWSManagedRulesBotControlRuleSet',
      '300:Custom-block-legacy-api',
    ]);
  });
});
